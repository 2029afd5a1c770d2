namespace BmcExporter.Simulator.Faults;

/// <summary>
/// The faults one BMC exhibits (merged from every rule that selects it). Instances are shared by all BMCs
/// selected by the same set of rules. Probabilities are per reply.
/// </summary>
public sealed record FaultPlan
{
    public static FaultPlan None { get; } = new();

    /// <summary>Added before every reply.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Uniform random extra latency in [0, Jitter).</summary>
    public TimeSpan Jitter { get; init; }

    /// <summary>Probability that a request is dropped without reply.</summary>
    public double Loss { get; init; }

    /// <summary>Probability that a reply is sent twice.</summary>
    public double Duplicate { get; init; }

    /// <summary>Probability that a reply is held back and sent after the next one.</summary>
    public double Reorder { get; init; }

    /// <summary>The BMC reboots (all sessions lost, silent for <see cref="RebootDowntime"/>) at this period.</summary>
    public TimeSpan? RebootEvery { get; init; }

    public TimeSpan RebootDowntime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The BMC stops answering at this time after start.</summary>
    public TimeSpan? StopAfter { get; init; }

    /// <summary>How long it stays silent; null = until the fleet stops.</summary>
    public TimeSpan? StopFor { get; init; }

    /// <summary>Probability that an in-session command is answered with completion code 0xC0 (node busy).</summary>
    public double NodeBusy { get; init; }

    /// <summary>All session slots are taken: Open Session is answered with status 0x01 (insufficient resources).</summary>
    public bool ExhaustSessions { get; init; }

    /// <summary>Extra delay on every Get SDR reply.</summary>
    public TimeSpan SlowSdr { get; init; }

    /// <summary>Probability that a reply is cut short at a random length.</summary>
    public double Truncate { get; init; }

    /// <summary>Probability that one random byte of a reply is flipped.</summary>
    public double Corrupt { get; init; }

    /// <summary>
    /// Probability that one byte of an in-session response (its completion code or a data byte) is changed before
    /// the response is sealed: the checksums and AuthCode are right, so only the client's own checks can catch it
    /// (models a BMC firmware bug, or corruption a suite without integrity lets through).
    /// </summary>
    public double Mutate { get; init; }

    /// <summary>Probability that the AuthCode (or RAKP code) of a reply is wrong.</summary>
    public double WrongAuthCode { get; init; }

    /// <summary>
    /// Probability that the AuthCode of an authenticated in-session reply to a Sensor/Event command (netFn 04h) is wrong:
    /// login, SDR and SEL reads work and sensor readings fail their integrity check (the Inventec 5441/5442 symptom
    /// FreeIPMI's ignoreauthcode names, which it works around for IPMI 1.5 sessions only).
    /// </summary>
    public double WrongIntegrity { get; init; }

    public bool IsNone => this == None;

    /// <summary>Whether the BMC is silent at <paramref name="elapsed"/> because it is stopped or rebooting.</summary>
    public bool IsSilent(TimeSpan elapsed)
    {
        if (StopAfter is { } stop && elapsed >= stop && (StopFor is null || elapsed < stop + StopFor.Value))
        {
            return true;
        }

        return RebootEvery is { } every && RebootIndex(elapsed, every) > 0 && elapsed - (every * RebootIndex(elapsed, every)) < RebootDowntime;
    }

    /// <summary>How many reboots have happened by <paramref name="elapsed"/>.</summary>
    public long Reboots(TimeSpan elapsed) => RebootEvery is { } every ? RebootIndex(elapsed, every) : 0;

    private static long RebootIndex(TimeSpan elapsed, TimeSpan every) => (long)Math.Floor(elapsed / every);
}
