namespace BmcExporter.Redfish.Http;

/// <summary>How a GET uses the resource cache.</summary>
internal enum CachePolicy
{
    /// <summary>A reading: always asked for; If-None-Match with the cached ETag, and a 304 reuses the cached copy.</summary>
    Reading,

    /// <summary>A static resource: reused without a request until StaticRefreshInterval passes, then re-validated.</summary>
    Static,
}
