using System.Net;
using System.Text;
using System.Text.Json;
using BmcExporter.Redfish.Errors;
using BmcExporter.Redfish.Http;
using BmcExporter.Redfish.Json;

namespace BmcExporter.Redfish;

public sealed partial class RedfishSession
{
    /// <summary>Sends with the current credentials; on 401 logs in again once (if the token is still the one used) and resends.</summary>
    private async Task<RedfishResponse> SendAuthenticatedAsync(RedfishRequest request, CancellationToken cancellationToken)
    {
        var auth = await EnsureAuthAsync(cancellationToken).ConfigureAwait(false);
        var response = await _transport.SendAsync(request with { Auth = auth.Header }, cancellationToken).ConfigureAwait(false);
        if (response.Status != HttpStatusCode.Unauthorized || auth.Mode != RedfishAuthMode.Session)
        {
            return response;
        }

        // DSP0266 §13.3.4: an expired or deleted session answers 401; log in again once for this request.
        auth = await ReloginAsync(auth.Generation, cancellationToken).ConfigureAwait(false);
        return await _transport.SendAsync(request with { Auth = auth.Header }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AuthState> EnsureAuthAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _auth) is { } current)
        {
            return current;
        }

        await _loginGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _auth ??= await LoginAsync(0, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _loginGate.Release();
        }
    }

    private async Task<AuthState> ReloginAsync(int failedGeneration, CancellationToken cancellationToken)
    {
        await _loginGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_auth is { } current && current.Generation != failedGeneration)
            {
                return current; // another request already logged in again
            }

            var next = await LoginAsync(failedGeneration + 1, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _auth, next);
            return next;
        }
        finally
        {
            _loginGate.Release();
        }
    }

    private AuthState Basic(int generation)
    {
        var raw = Encoding.UTF8.GetBytes($"{Options.UserName}:{Options.Password.Reveal()}");
        return new AuthState(RedfishAuthMode.Basic, ("Authorization", "Basic " + Convert.ToBase64String(raw)), null, generation);
    }

    /// <summary>POST to the Sessions collection (DSP0266 §13.3.4); Basic when the service has none or does not implement it.</summary>
    private async Task<AuthState> LoginAsync(int generation, CancellationToken cancellationToken)
    {
        if (Options.AuthMode == RedfishAuthMode.Basic)
        {
            return Basic(generation);
        }

        var sessions = await FindSessionsCollectionAsync(cancellationToken).ConfigureAwait(false);
        if (sessions is null)
        {
            BasicFallbackReason = "the service root links no Sessions collection";
            return Basic(generation);
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(new LoginBody(Options.UserName, Options.Password.Reveal()), RedfishJsonContext.Default.LoginBody);
        var request = new RedfishRequest(HttpMethod.Post, sessions) { JsonBody = body };
        Statistics.OnLogin();
        var response = await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var context = new ResourceContext(Target, sessions);
        switch (response.Status)
        {
            case HttpStatusCode.Created or HttpStatusCode.OK when response.AuthToken is { Length: > 0 } token:
                return new AuthState(RedfishAuthMode.Session, ("X-Auth-Token", token), SessionPath(response.Location), generation);
            case HttpStatusCode.Created or HttpStatusCode.OK:
                BasicFallbackReason = "the login response carried no X-Auth-Token";
                return Basic(generation);
            case HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest:
                BasicFallbackReason = $"session login answered HTTP {(int)response.Status}";
                return Basic(generation);
            case HttpStatusCode.Unauthorized:
                throw new RedfishAuthenticationException(Target, "POST", sessions, response.Status, ErrorBody.TryParse(response, context));
            default:
                throw new RedfishHttpException(Target, "POST", sessions, response.Status, ErrorBody.TryParse(response, context), "session login");
        }
    }

    /// <summary>The service root is readable without credentials (DSP0266 §13.3.1); its Links.Sessions names the collection.</summary>
    private async Task<string?> FindSessionsCollectionAsync(CancellationToken cancellationToken)
    {
        if (_cache.TryGet(ServiceRootPath, out var cached))
        {
            return SessionsLink(cached.View); // a re-login does not need the root again
        }

        var context = new ResourceContext(Target, ServiceRootPath);
        var response = await _transport.SendAsync(new RedfishRequest(HttpMethod.Get, ServiceRootPath), cancellationToken).ConfigureAwait(false);
        if (response.Status == HttpStatusCode.Unauthorized)
        {
            // Some services protect the root too; the conventional collection is tried (a 404 then falls back to Basic).
            return "/redfish/v1/SessionService/Sessions";
        }

        EnsureSuccess(new RedfishRequest(HttpMethod.Get, ServiceRootPath), response, context);
        var root = Parse(response, context);
        _cache.Store(ServiceRootPath, new CachedResource(root, response.ETag, Options.TimeProvider.GetUtcNow()));
        return SessionsLink(root);
    }

    private static string? SessionsLink(JsonView root)
    {
        var link = root.Object("Links")?.Link("Sessions");
        return link is not null && link.StartsWith("/redfish/v1", StringComparison.Ordinal) ? link : null;
    }

    private static string? SessionPath(string? location)
    {
        if (location is null)
        {
            return null;
        }

        var path = Uri.TryCreate(location, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : location;
        return path.StartsWith("/redfish/v1", StringComparison.Ordinal) ? path : null;
    }

    /// <summary>DELETE of the session resource (DSP0266 §13.3.4); best effort within one request timeout.</summary>
    private async Task LogoutAsync()
    {
        if (Volatile.Read(ref _auth) is not { Mode: RedfishAuthMode.Session, SessionUri: { } uri } auth)
        {
            return;
        }

        try
        {
            await _transport.SendAsync(new RedfishRequest(HttpMethod.Delete, uri) { Auth = auth.Header }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (RedfishException)
        {
            // The BMC may already have dropped the session or be unreachable; nothing more to do at shutdown.
        }

        Volatile.Write(ref _auth, null);
    }
}
