using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace BmcExporter.Web.Security;

/// <summary>
/// HTTP basic authentication against the bcrypt hashes of <c>basic_auth_users</c> (RFC 7617), for every endpoint.
/// A bcrypt check costs milliseconds by design, so a successful check is remembered (by a SHA-256 of user, password
/// and hash, never the password itself) in a bounded cache; an unknown user costs one bcrypt check too, so the time
/// of the answer does not tell which users exist (as in exporter-toolkit).
/// </summary>
internal sealed class BasicAuthentication(WebSecurity security)
{
    private const int CacheLimit = 1024;

    // A valid hash of a random password: checked for unknown users so they take as long as known ones.
    private static readonly string DecoyHash = BCrypt.Net.BCrypt.HashPassword(Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)), 10);

    private readonly ConcurrentDictionary<string, byte> _verified = new(StringComparer.Ordinal);

    /// <summary>The middleware: passes authenticated requests on, answers 401 to the rest.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var config = security.Current;
        foreach (var (name, value) in config.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (config.BasicAuthUsers.Count == 0 || IsAuthorised(context.Request.Headers.Authorization.ToString(), config.BasicAuthUsers))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"bmc-exporter\", charset=\"UTF-8\"";
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("Unauthorized: this exporter needs a user name and password (basic_auth_users of --web.config.file)\n", context.RequestAborted).ConfigureAwait(false);
    }

    private bool IsAuthorised(string header, IReadOnlyDictionary<string, string> users)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        var user = decoded[..colon];
        var password = decoded[(colon + 1)..];
        var known = users.TryGetValue(user, out var hash);
        hash ??= DecoyHash;
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{user}\n{password}\n{hash}")));
        if (known && _verified.ContainsKey(key))
        {
            return true;
        }

        bool valid;
        try
        {
            valid = BCrypt.Net.BCrypt.Verify(password, hash) && known;
        }
        catch (BCrypt.Net.SaltParseException)
        {
            valid = false;
        }

        if (valid)
        {
            if (_verified.Count >= CacheLimit)
            {
                _verified.Clear();
            }

            _verified[key] = 0;
        }

        return valid;
    }
}
