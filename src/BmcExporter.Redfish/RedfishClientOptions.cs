namespace BmcExporter.Redfish;

/// <summary>Settings of one Redfish session to one BMC. Defaults suit a read-only exporter scraping every 30-60 s.</summary>
public sealed record RedfishClientOptions
{
    /// <summary>The service, <c>https://host[:port]</c>; the client appends <c>/redfish/v1</c> paths.</summary>
    public required Uri BaseUri { get; init; }

    /// <summary>Account name (a read-only account is enough).</summary>
    public required string UserName { get; init; }

    /// <summary>Account password; never printed.</summary>
    public required RedfishSecret Password { get; init; }

    /// <summary>Session login with Basic as the fallback (default), or Basic only.</summary>
    public RedfishAuthMode AuthMode { get; init; } = RedfishAuthMode.Session;

    /// <summary>
    /// PEM file of the CA certificate(s) that sign the BMC's HTTPS certificate. When set, only these roots are
    /// trusted for this BMC (the host name or address must still match the certificate). Null = system roots.
    /// </summary>
    public string? CaFile { get; init; }

    /// <summary>
    /// Accept any certificate (no chain or name check). Off by default; the host logs a warning at start-up for
    /// every module that sets it (see <see cref="IsInsecure"/>).
    /// </summary>
    public bool Insecure { get; init; }

    /// <summary>Requests in flight to this BMC at once (also the keep-alive connection limit). Default 4.</summary>
    public int MaxRequestsInFlight { get; init; } = 4;

    /// <summary>Limit for one HTTP exchange, headers and body. Default 10 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long static resources (collections, identity, firmware inventory) are reused before being re-read. Default 1 h.</summary>
    public TimeSpan StaticRefreshInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Use <c>$expand</c> when the service root advertises it (ProtocolFeaturesSupported.ExpandQuery). Default true.</summary>
    public bool UseExpand { get; init; } = true;

    /// <summary>Longest Retry-After a 503 may ask for and still be waited out (within the caller's deadline). Default 5 s.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Waits after 503 Retry-After for one request. Default 2.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>Largest response body accepted. Default 8 MiB.</summary>
    public int MaxResponseBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Pages of one collection followed through <c>Members@odata.nextLink</c>. Default 32.</summary>
    public int MaxCollectionPages { get; init; } = 32;

    /// <summary>Clock for timeouts, Retry-After waits and cache ages; tests pass a fake.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>True when certificate checks are off: the host warns about it at start-up.</summary>
    public bool IsInsecure => Insecure;

    /// <summary>host:port, for messages.</summary>
    public string Target => BaseUri.IsDefaultPort ? BaseUri.Host : $"{BaseUri.Host}:{BaseUri.Port}";

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(BaseUri);
        ArgumentNullException.ThrowIfNull(Password);
        if (!BaseUri.IsAbsoluteUri || BaseUri.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"Redfish base URI '{BaseUri}' must be an absolute https:// URI (DSP0266 §8.1 requires HTTPS).", nameof(BaseUri));
        }

        ArgumentException.ThrowIfNullOrEmpty(UserName);
        if (Insecure && CaFile is not null)
        {
            throw new ArgumentException($"Redfish {Target}: ca_file and insecure exclude each other.", nameof(CaFile));
        }

        if (MaxRequestsInFlight is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRequestsInFlight), MaxRequestsInFlight, "Must be 1-64.");
        }

        if (RequestTimeout <= TimeSpan.Zero || StaticRefreshInterval < TimeSpan.Zero || MaxRetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RequestTimeout), "Timeouts must be positive.");
        }

        if (MaxRetries is < 0 or > 10 || MaxCollectionPages is < 1 or > 10_000 || MaxResponseBytes < 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), "MaxRetries 0-10, MaxCollectionPages 1-10000, MaxResponseBytes >= 1024.");
        }
    }

    /// <summary>Settings without the password.</summary>
    public override string ToString() =>
        $"{UserName}@{BaseUri} auth {AuthMode}{(Insecure ? " INSECURE" : CaFile is null ? "" : $" ca {CaFile}")} inflight {MaxRequestsInFlight} timeout {RequestTimeout.TotalSeconds}s";
}
