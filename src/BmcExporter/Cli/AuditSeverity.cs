namespace BmcExporter.Cli;

/// <summary>How much an audit finding matters; <c>--fail-on</c> compares against it (docs/security.md#audit).</summary>
internal enum AuditSeverity
{
    /// <summary>Worth knowing; no exposure by itself.</summary>
    Info = 1,

    /// <summary>Weakens the port (an attacker needs something more, e.g. a captured session).</summary>
    Warning = 2,

    /// <summary>Anyone on the management network can log in, or the posture could not be read at all.</summary>
    Critical = 3,
}

/// <summary>Names of <see cref="AuditSeverity"/> as the report and <c>--fail-on</c> spell them.</summary>
internal static class AuditSeverities
{
    /// <summary>The lower-case name.</summary>
    public static string Name(AuditSeverity severity) => severity switch
    {
        AuditSeverity.Critical => "critical",
        AuditSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>
    /// <c>--fail-on</c>: the lowest severity that fails the run, or <c>null</c> for <c>never</c> (report only).
    /// </summary>
    public static AuditSeverity? ParseFailOn(string text) => text switch
    {
        "critical" => AuditSeverity.Critical,
        "warning" => AuditSeverity.Warning,
        "info" => AuditSeverity.Info,
        "never" => null,
        _ => throw new CliUsageException($"--fail-on '{text}' is not one of critical, warning, info, never"),
    };
}
