using BmcExporter.Ipmi.Client.Operations;

namespace BmcExporter.State;

/// <summary>
/// A target's SDR repository walk, complete or in progress (resumed across scrapes until complete), and the
/// identity of the BMC it was read from. Valid while Get SDR Repository Info reports the same addition and erase
/// timestamps (IPMI v2.0 §33.9) and the BMC's identity is unchanged.
/// </summary>
/// <param name="BmcIdentity">Manufacturer/product/device/firmware identity of the BMC the records came from.</param>
/// <param name="Walk">The walk: verified raw records, what is still missing, the repository info it started under.</param>
public sealed record SdrCacheEntry(string BmcIdentity, SdrWalkState Walk);
