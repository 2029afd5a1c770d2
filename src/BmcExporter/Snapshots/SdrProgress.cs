namespace BmcExporter.Snapshots;

/// <summary>
/// How far a target's SDR repository walk has come (the walk resumes across scrapes until complete): records read
/// and kept, records the BMC reports in Get SDR Repository Info (IPMI v2.0 §33.9; some BMCs over-report it), records
/// to retry, and whether the walk reached the last record with nothing missing.
/// </summary>
/// <param name="RecordsRead">Verified records kept so far.</param>
/// <param name="RepositoryRecords">The record count the BMC reports.</param>
/// <param name="Missing">Records that failed and are retried on the next scrape.</param>
/// <param name="Complete"><c>true</c> when the walk is finished.</param>
public sealed record SdrProgress(int RecordsRead, int RepositoryRecords, int Missing, bool Complete);
