namespace BmcExporter.Cli;

/// <summary>One finding of an audit: a stable ID (for scripts), its severity, what was found and the fix in one sentence.</summary>
internal sealed record AuditFinding(string Id, AuditSeverity Severity, string Summary, string Fix);

/// <summary>One check the audit made: its name, how it was made (the messages sent) and what it read.</summary>
internal sealed record AuditCheck(string Name, string Method, string Result);

/// <summary>The posture report of one BMC.</summary>
internal sealed record BmcAuditReport
{
    /// <summary>The BMC's address, <c>host:port</c>.</summary>
    public required string Target { get; init; }

    /// <summary>The module whose credentials and settings were used.</summary>
    public required string Module { get; init; }

    /// <summary>Whether a session could be opened and the checks run (<c>false</c>: unreachable, refused or out of time).</summary>
    public required bool Reached { get; init; }

    public IReadOnlyList<AuditCheck> Checks { get; init; } = [];

    public IReadOnlyList<AuditFinding> Findings { get; init; } = [];

    /// <summary>The most severe finding, or <c>null</c> when there is none.</summary>
    public AuditSeverity? Worst => Findings.Count == 0 ? null : Findings.Max(f => f.Severity);
}
