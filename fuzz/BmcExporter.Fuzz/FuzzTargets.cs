namespace BmcExporter.Fuzz;

/// <summary>Every <see cref="IFuzzTarget"/> in this assembly, by name, plus "all" which dispatches on the first byte.</summary>
internal static class FuzzTargets
{
    public static IReadOnlyList<IFuzzTarget> All { get; } = typeof(FuzzTargets).Assembly.GetTypes()
        .Where(t => typeof(IFuzzTarget).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false } && t != typeof(AllTargets))
        .Select(t => (IFuzzTarget)Activator.CreateInstance(t)!)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToList();

    public static IFuzzTarget Find(string name) => name == AllTargets.TargetName
        ? new AllTargets()
        : All.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException($"no fuzz target '{name}'; known: all, {string.Join(", ", All.Select(t => t.Name))}");

    /// <summary>Runs one input; true when it decoded or raised the protocol exception, false (with the error) otherwise.</summary>
    public static bool TryRun(IFuzzTarget target, ReadOnlySpan<byte> data, out Exception? crash)
    {
        crash = null;
        try
        {
            target.Run(data);
            return true;
        }
        catch (Ipmi.IpmiProtocolException)
        {
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            crash = ex;
            return false;
        }
    }
}

/// <summary>The first byte picks a target (modulo their number), the rest is its input: one campaign covers every decoder.</summary>
internal sealed class AllTargets : IFuzzTarget
{
    public const string TargetName = "all";

    public string Name => TargetName;

    public void Run(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        var targets = FuzzTargets.All;
        targets[data[0] % targets.Count].Run(data[1..]);
    }

    public IEnumerable<byte[]> Seeds()
    {
        var targets = FuzzTargets.All;
        for (var i = 0; i < targets.Count; i++)
        {
            foreach (var seed in targets[i].Seeds())
            {
                yield return [(byte)i, .. seed];
            }
        }
    }
}
