namespace BmcExporter.State;

/// <summary>
/// A target's SDR repository as last read, valid while Get SDR Repository Info reports the same addition and
/// erase timestamps (IPMI v2.0 §33.9) and the BMC's identity is unchanged. Records are kept as raw bytes.
/// </summary>
/// <param name="BmcIdentity">Manufacturer/product/device identity of the BMC the records came from.</param>
/// <param name="LastAddition">Repository "most recent addition" timestamp.</param>
/// <param name="LastErase">Repository "most recent erase" timestamp.</param>
/// <param name="Records">Raw SDR records, header included.</param>
public sealed record SdrCacheEntry(string BmcIdentity, uint LastAddition, uint LastErase, IReadOnlyList<byte[]> Records)
{
    /// <summary><c>true</c> when the cached records still describe the repository.</summary>
    public bool IsValidFor(string bmcIdentity, uint lastAddition, uint lastErase) =>
        BmcIdentity == bmcIdentity && LastAddition == lastAddition && LastErase == lastErase;
}
