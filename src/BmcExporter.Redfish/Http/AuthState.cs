namespace BmcExporter.Redfish.Http;

/// <summary>
/// The credentials a request carries, swapped atomically: a session token (with the session URI for logout) or a
/// Basic header. <see cref="Generation"/> grows with each login so concurrent 401s re-login only once.
/// </summary>
internal sealed record AuthState(RedfishAuthMode Mode, (string Name, string Value) Header, string? SessionUri, int Generation)
{
    public override string ToString() => $"{Mode} (generation {Generation}, credentials redacted)";
}
