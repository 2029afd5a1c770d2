using BmcExporter.Simulator.Behaviour;
using BmcExporter.Simulator.Bmc;

namespace BmcExporter.Simulator.Redfish;

/// <summary>
/// What one BMC's Redfish side remembers: its sessions, where its SEL was cleared through Redfish, per-rule
/// fault counters and a fault random state. A few hundred bytes until sessions are opened.
/// </summary>
internal sealed class RedfishBmcState
{
    private readonly Lock _lock = new();
    private SelView _sel = new();
    private SimRandom _random;
    private int[]? _faultCounts;

    public RedfishBmcState(int index, ulong seed, RedfishServerOptions options, TimeProvider time)
    {
        Index = index;
        _random = new SimRandom(SimHash.Hash(seed, index, 0x7EDF, 0));
        Sessions = new RedfishSessionTable(options, time);
    }

    public int Index { get; }

    public RedfishSessionTable Sessions { get; }

    /// <summary>A copy of the SEL view (clear marker) for this request.</summary>
    public SelView Sel
    {
        get
        {
            lock (_lock)
            {
                return _sel;
            }
        }
    }

    public void ClearSel(Profiles.SelDefinition sel, TimeSpan elapsed, uint now)
    {
        lock (_lock)
        {
            _sel.Clear(sel, elapsed, now);
        }
    }

    public double NextDouble()
    {
        lock (_lock)
        {
            return _random.NextDouble();
        }
    }

    /// <summary>Counts a request matched by fault rule <paramref name="rule"/>; returns the count before it.</summary>
    public int CountFault(int rule, int rules)
    {
        lock (_lock)
        {
            _faultCounts ??= new int[rules];
            return _faultCounts[rule]++;
        }
    }
}
