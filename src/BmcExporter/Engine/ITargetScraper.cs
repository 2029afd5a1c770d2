using BmcExporter.Snapshots;

namespace BmcExporter.Engine;

/// <summary>
/// Scrapes one target once, writing what it reads into a <see cref="SnapshotBuilder"/> collector by collector,
/// so that whatever was read before the deadline survives as a partial result.
/// </summary>
public interface ITargetScraper
{
    /// <summary>Runs every enabled collector of <paramref name="target"/>; stops promptly when <paramref name="cancellationToken"/> fires.</summary>
    Task ScrapeAsync(ScrapeTarget target, SnapshotBuilder builder, CancellationToken cancellationToken);

    /// <summary>Releases what is held for a target that left the fleet (its session).</summary>
    ValueTask ForgetAsync(string targetKey);
}
