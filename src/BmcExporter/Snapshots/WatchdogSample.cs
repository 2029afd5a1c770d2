namespace BmcExporter.Snapshots;

/// <summary>The BMC watchdog timer from Get Watchdog Timer (IPMI v2.0 §27.7), as FreeIPMI's <c>bmc-watchdog --get</c> names it.</summary>
public sealed record WatchdogSample
{
    /// <summary>The timer is running.</summary>
    public bool Running { get; init; }

    /// <summary>Timer use as bmc-watchdog prints it: <c>BIOS FRB2</c>, <c>BIOS POST</c>, <c>OS LOAD</c>, <c>SMS/OS</c>, <c>OEM</c> or <c>Reserved</c>.</summary>
    public required string TimerUse { get; init; }

    /// <summary>Expirations are logged (the "don't log" bit is clear).</summary>
    public bool Logging { get; init; }

    /// <summary>Timeout action: <c>None</c>, <c>Hard Reset</c>, <c>Power Down</c>, <c>Power Cycle</c> or <c>Reserved</c>.</summary>
    public required string TimeoutAction { get; init; }

    /// <summary>Pre-timeout interrupt: <c>None</c>, <c>SMI</c>, <c>NMI / Diagnostic Interrupt</c>, <c>Messaging Interrupt</c> or <c>Reserved</c>.</summary>
    public required string PreTimeoutInterrupt { get; init; }

    /// <summary>Pre-timeout interval in seconds.</summary>
    public int PreTimeoutIntervalSeconds { get; init; }

    /// <summary>Initial countdown in whole seconds (the 100 ms count divided by 10, rounded down, as bmc-watchdog prints it).</summary>
    public int InitialCountdownSeconds { get; init; }

    /// <summary>Present countdown in whole seconds.</summary>
    public int CurrentCountdownSeconds { get; init; }
}
