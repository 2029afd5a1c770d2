namespace BmcExporter.Simulator.Faults;

/// <summary>One rule of a fault file: which BMCs (explicit indexes, a seeded fraction, or all) get which faults.</summary>
public sealed record FaultRule(IReadOnlySet<int>? Bmcs, double? Fraction, FaultPlan Plan)
{
    /// <summary>Whether the rule applies to BMC <paramref name="index"/> (fraction picks are seeded, per rule).</summary>
    public bool Selects(int index, ulong seed, int ruleIndex)
    {
        if (Bmcs is not null && !Bmcs.Contains(index))
        {
            return false;
        }

        return Fraction is not { } f || Behaviour.SimHash.Unit(seed, index, 0x7000 + ruleIndex, 0) < f;
    }

    /// <summary>Combines plans: later rules override the faults they set.</summary>
    public static FaultPlan Merge(FaultPlan a, FaultPlan b) => new()
    {
        Latency = b.Latency > TimeSpan.Zero ? b.Latency : a.Latency,
        Jitter = b.Jitter > TimeSpan.Zero ? b.Jitter : a.Jitter,
        Loss = b.Loss > 0 ? b.Loss : a.Loss,
        Duplicate = b.Duplicate > 0 ? b.Duplicate : a.Duplicate,
        Reorder = b.Reorder > 0 ? b.Reorder : a.Reorder,
        RebootEvery = b.RebootEvery ?? a.RebootEvery,
        RebootDowntime = b.RebootEvery is null ? a.RebootDowntime : b.RebootDowntime,
        StopAfter = b.StopAfter ?? a.StopAfter,
        StopFor = b.StopAfter is null ? a.StopFor : b.StopFor,
        NodeBusy = b.NodeBusy > 0 ? b.NodeBusy : a.NodeBusy,
        ExhaustSessions = a.ExhaustSessions || b.ExhaustSessions,
        SlowSdr = b.SlowSdr > TimeSpan.Zero ? b.SlowSdr : a.SlowSdr,
        Truncate = b.Truncate > 0 ? b.Truncate : a.Truncate,
        Corrupt = b.Corrupt > 0 ? b.Corrupt : a.Corrupt,
        WrongAuthCode = b.WrongAuthCode > 0 ? b.WrongAuthCode : a.WrongAuthCode,
        WrongIntegrity = b.WrongIntegrity > 0 ? b.WrongIntegrity : a.WrongIntegrity,
        Mutate = b.Mutate > 0 ? b.Mutate : a.Mutate,
    };
}
