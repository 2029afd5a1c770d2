using BmcExporter.Engine;
using BmcExporter.Snapshots;

namespace BmcExporter.Tests.Fakes;

/// <summary>An <see cref="ITargetScraper"/> whose behaviour per call is a delegate; counts calls and concurrency.</summary>
internal sealed class ScriptedScraper(Func<ScrapeTarget, SnapshotBuilder, CancellationToken, Task> behaviour) : ITargetScraper
{
    private int _calls;
    private int _running;
    private int _maxRunning;

    public int Calls => Volatile.Read(ref _calls);

    public int MaxRunning => Volatile.Read(ref _maxRunning);

    public List<string> Forgotten { get; } = [];

    public async Task ScrapeAsync(ScrapeTarget target, SnapshotBuilder builder, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        var now = Interlocked.Increment(ref _running);
        int seen;
        while ((seen = Volatile.Read(ref _maxRunning)) < now && Interlocked.CompareExchange(ref _maxRunning, now, seen) != seen)
        {
        }

        try
        {
            await behaviour(target, builder, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    public ValueTask ForgetAsync(string targetKey)
    {
        lock (Forgotten)
        {
            Forgotten.Add(targetKey);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Completes every planned collector successfully at once.</summary>
    public static Task AllSucceed(ScrapeTarget target, SnapshotBuilder builder, CancellationToken ct)
    {
        foreach (var name in builder.PlannedCollectors)
        {
            builder.Complete(name, true, null, TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    /// <summary>Fails every planned collector.</summary>
    public static Task AllFail(ScrapeTarget target, SnapshotBuilder builder, CancellationToken ct)
    {
        foreach (var name in builder.PlannedCollectors)
        {
            builder.Complete(name, false, "no answer", TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }
}
