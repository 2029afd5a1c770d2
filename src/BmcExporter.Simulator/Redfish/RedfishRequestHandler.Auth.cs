using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BmcExporter.Simulator.Redfish;

internal sealed partial class RedfishRequestHandler
{
    /// <summary>X-Auth-Token of a live session, or Basic credentials of a fleet user (DSP0266 §13.3); else 401.</summary>
    private async Task<bool> AuthorizeAsync(HttpContext http, RedfishBmcState bmc, List<(RedfishFaultRule Rule, int Index)> rules)
    {
        var lifetime = rules.Select(r => r.Rule.SessionLifetime).FirstOrDefault(l => l is not null);
        if (http.Request.Headers["X-Auth-Token"].FirstOrDefault() is { Length: > 0 } token)
        {
            if (options.Sessions && bmc.Sessions.Find(token, lifetime) is not null)
            {
                return true;
            }
        }
        else if (http.Request.Headers.Authorization.FirstOrDefault() is { } header && header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)
            && BasicUser(header["Basic ".Length..]) is { } user && CheckPassword(user.Name, user.Password))
        {
            return true;
        }

        statistics.OnUnauthorized();
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"simulated BMC\"";
        await ErrorAsync(http, StatusCodes.Status401Unauthorized, "Base.1.8.NoValidSession", "There is no valid session established with the implementation.").ConfigureAwait(false);
        return false;
    }

    /// <summary>POST to the Sessions collection with UserName and Password (DSP0266 §13.3.4): 201, X-Auth-Token, Location.</summary>
    private async Task LoginAsync(HttpContext http, RedfishBmcState bmc, List<(RedfishFaultRule Rule, int Index)> rules)
    {
        string? user = null, password = null;
        try
        {
            var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
            user = (string?)body?["UserName"];
            password = (string?)body?["Password"];
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            // answered below as a missing property
        }

        if (user is null || password is null)
        {
            await ErrorAsync(http, StatusCodes.Status400BadRequest, "Base.1.8.PropertyMissing", "UserName and Password are required to create a session.").ConfigureAwait(false);
            return;
        }

        if (!CheckPassword(user, password))
        {
            statistics.OnUnauthorized();
            await ErrorAsync(http, StatusCodes.Status401Unauthorized, "Base.1.8.InsufficientPrivilege", "The user name or password is not valid.").ConfigureAwait(false);
            return;
        }

        var lifetime = rules.Select(r => r.Rule.SessionLifetime).FirstOrDefault(l => l is not null);
        if (bmc.Sessions.Create(user, lifetime) is not { } created)
        {
            http.Response.Headers.RetryAfter = "10";
            await ErrorAsync(http, StatusCodes.Status503ServiceUnavailable, "Base.1.8.SessionLimitExceeded", "The session limit has been exceeded.").ConfigureAwait(false);
            return;
        }

        statistics.OnLogin();
        http.Response.Headers["X-Auth-Token"] = created.Token;
        http.Response.Headers.Location = $"{SessionsPath}/{created.Session.Id}";
        await WriteJsonAsync(http, StatusCodes.Status201Created, JsonSerializer.SerializeToUtf8Bytes(SessionResource(created.Session), Compact), [], bmc).ConfigureAwait(false);
    }

    private static (string Name, string Password)? BasicUser(string encoded)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded.Trim()));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : (text[..colon], text[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private bool CheckPassword(string user, string password)
    {
        var bytes = Encoding.UTF8.GetBytes(password);
        return fleet.Users.Any(u => u.Name == user && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(u.Password.Span, bytes));
    }
}
