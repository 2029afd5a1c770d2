namespace BmcExporter.Engine;

/// <summary>One scrape in flight, as the status page shows it.</summary>
/// <param name="Key">The scrape key.</param>
/// <param name="StartedAt">When the scrape was asked for.</param>
/// <param name="Elapsed">Time since then.</param>
/// <param name="CollectorsDone">Collectors finished so far.</param>
/// <param name="CollectorsPlanned">Collectors the module enables.</param>
/// <param name="Running"><c>true</c> once it holds a concurrency slot; <c>false</c> while it waits for one.</param>
public sealed record ScrapeProgress(string Key, DateTimeOffset StartedAt, TimeSpan Elapsed, int CollectorsDone, int CollectorsPlanned, bool Running);
