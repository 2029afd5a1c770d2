namespace BmcExporter.Simulator.Faults;

internal sealed class FaultFileDocument
{
    public List<FaultRuleDocument>? Faults { get; set; }
}

internal sealed class FaultRuleDocument
{
    public string? Bmcs { get; set; }
    public double? Fraction { get; set; }
    public double? LatencyMs { get; set; }
    public double? JitterMs { get; set; }
    public double? Loss { get; set; }
    public double? Duplicate { get; set; }
    public double? Reorder { get; set; }
    public double? RebootEverySeconds { get; set; }
    public double? RebootDowntimeSeconds { get; set; }
    public double? StopAfterSeconds { get; set; }
    public double? StopForSeconds { get; set; }
    public double? NodeBusy { get; set; }
    public bool? ExhaustSessions { get; set; }
    public double? SlowSdrMs { get; set; }
    public double? Truncate { get; set; }
    public double? Corrupt { get; set; }
    public double? WrongAuthCode { get; set; }
    public double? WrongIntegrity { get; set; }
    public double? Mutate { get; set; }
}
