using BmcExporter.Ipmi.IntegrationTests.Oracle;

namespace BmcExporter.Ipmi.IntegrationTests.Tools;

/// <summary>Maps the reference tools' status words and bitmasks to the harness's <see cref="ExpectedStatus"/>.</summary>
internal static class ToolStatus
{
    /// <summary>ipmitool <c>sensor</c> status column for threshold sensors.</summary>
    public static ExpectedStatus FromIpmitool(string status) => status switch
    {
        "ok" => ExpectedStatus.Ok,
        "nc" => ExpectedStatus.Warning,
        "cr" => ExpectedStatus.Critical,
        "nr" => ExpectedStatus.NonRecoverable,
        "na" or "ns" => ExpectedStatus.Unavailable,
        _ => throw new FormatException($"unknown ipmitool sensor status '{status}'"),
    };

    /// <summary>Threshold comparison bits (Get Sensor Reading byte 3, IPMI v2.0 §35.14) to the most severe status.</summary>
    public static ExpectedStatus FromThresholdBits(int? bits) => bits switch
    {
        null => ExpectedStatus.Unavailable,
        _ when (bits & 0x24) != 0 => ExpectedStatus.NonRecoverable,
        _ when (bits & 0x12) != 0 => ExpectedStatus.Critical,
        _ when (bits & 0x09) != 0 => ExpectedStatus.Warning,
        _ => ExpectedStatus.Ok,
    };

    /// <summary>Name key for pairing: FreeIPMI names shared sensors "DIMM 0" where the record says "DIMM" + "0".</summary>
    public static string NameKey(string name) => name.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>Pairs items by name and order of appearance, so duplicate names pair first-with-first.</summary>
    public static IReadOnlyList<(TOracle Expected, TRow? Actual)> Pair<TOracle, TRow>(
        IEnumerable<TOracle> expected, Func<TOracle, string> expectedName, IEnumerable<TRow> rows, Func<TRow, string> rowName)
    {
        var queues = rows.GroupBy(r => NameKey(rowName(r))).ToDictionary(g => g.Key, g => new Queue<TRow>(g));
        return expected.Select(e =>
        {
            TRow? row = queues.TryGetValue(NameKey(expectedName(e)), out Queue<TRow>? q) && q.Count > 0 ? q.Dequeue() : default;
            return (e, row);
        }).ToArray();
    }
}
