using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using BmcExporter.Simulator.Fleet;
using Microsoft.AspNetCore.Http;

namespace BmcExporter.Simulator.Redfish;

/// <summary>
/// The HTTP layer every simulated BMC shares: which BMC (by local port), faults, authentication (session token
/// or Basic), sessions, GET with $expand, paging and ETag/If-None-Match, ClearLog, and Redfish error bodies.
/// </summary>
internal sealed partial class RedfishRequestHandler(
    FleetContext fleet,
    RedfishServerOptions options,
    IRedfishResources resources,
    RedfishBmcState[] bmcs,
    RedfishFleetServer.PortMap portToBmc,
    RedfishServerStatistics statistics)
{
    private const string SessionsPath = ProfileResources.Root + "/SessionService/Sessions";
    private const string ClearLogSuffix = "/Actions/LogService.ClearLog";
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public async Task HandleAsync(HttpContext http)
    {
        statistics.Enter();
        try
        {
            await HandleCoreAsync(http).ConfigureAwait(false);
        }
        finally
        {
            statistics.Exit();
        }
    }

    private async Task HandleCoreAsync(HttpContext http)
    {
        if (!portToBmc.TryGetValue(http.Connection.LocalPort, out var index))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var bmc = bmcs[index];
        var method = http.Request.Method;
        var path = Normalize(http.Request.Path.Value ?? "/");
        statistics.OnRequest(method);
        var rules = Faults(index, path);
        if (rules.Select(r => r.Rule.Latency).DefaultIfEmpty().Max() is { } latency && latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, http.RequestAborted).ConfigureAwait(false);
        }

        foreach (var (rule, i) in rules)
        {
            if (rule.UnavailableRequests > 0 && bmc.CountFault(i, options.Faults.Count) < rule.UnavailableRequests)
            {
                statistics.OnUnavailable();
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(rule.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await ErrorAsync(http, StatusCodes.Status503ServiceUnavailable, "Base.1.8.ServiceTemporarilyUnavailable", "The service is temporarily unavailable; retry later.").ConfigureAwait(false);
                return;
            }
        }

        switch (method)
        {
            case "GET" or "HEAD":
                await GetAsync(http, bmc, path, rules).ConfigureAwait(false);
                break;
            case "POST" when options.Sessions && path == SessionsPath:
                await LoginAsync(http, bmc, rules).ConfigureAwait(false);
                break;
            case "POST" when path.EndsWith(ClearLogSuffix, StringComparison.Ordinal):
                if (await AuthorizeAsync(http, bmc, rules).ConfigureAwait(false))
                {
                    http.Response.StatusCode = resources.ClearLog(path[..^ClearLogSuffix.Length], bmc) ? StatusCodes.Status204NoContent : StatusCodes.Status404NotFound;
                }

                break;
            case "DELETE" when options.Sessions && path.StartsWith(SessionsPath + "/", StringComparison.Ordinal):
                if (await AuthorizeAsync(http, bmc, rules).ConfigureAwait(false))
                {
                    var deleted = bmc.Sessions.Delete(path[(SessionsPath.Length + 1)..]);
                    if (deleted)
                    {
                        statistics.OnLogout();
                    }

                    http.Response.StatusCode = deleted ? StatusCodes.Status204NoContent : StatusCodes.Status404NotFound;
                }

                break;
            default:
                await ErrorAsync(http, StatusCodes.Status405MethodNotAllowed, "Base.1.8.OperationNotAllowed", $"{method} is not allowed on {path}.").ConfigureAwait(false);
                break;
        }
    }

    private async Task GetAsync(HttpContext http, RedfishBmcState bmc, string path, List<(RedfishFaultRule Rule, int Index)> rules)
    {
        if (!IsPublic(path) && !await AuthorizeAsync(http, bmc, rules).ConfigureAwait(false))
        {
            return;
        }

        ExpandQuery? expand;
        try
        {
            expand = options.Expand ? ExpandQuery.Parse(http.Request.Query["$expand"]) : null;
        }
        catch (FormatException ex)
        {
            await ErrorAsync(http, StatusCodes.Status400BadRequest, "Base.1.8.QueryParameterValueFormatError", ex.Message).ConfigureAwait(false);
            return;
        }

        var resource = path == "/redfish" ? new JsonObject { ["v1"] = ProfileResources.Root + "/" } : Resource(path, bmc);
        if (resource is null)
        {
            await ErrorAsync(http, StatusCodes.Status404NotFound, "Base.1.8.ResourceMissingAtURI", $"The resource at {path} does not exist.").ConfigureAwait(false);
            return;
        }

        Page(resource, path, http.Request.Query["$skiptoken"], expand);
        expand?.Apply(resource, path, target => Resource(target, bmc));
        var body = JsonSerializer.SerializeToUtf8Bytes(resource, Compact);
        var etag = $"W/\"{Convert.ToHexString(SHA256.HashData(body).AsSpan(0, 8))}\"";
        http.Response.Headers.ETag = etag;
        if (options.ConditionalGet && http.Request.Headers.IfNoneMatch.Contains(etag))
        {
            statistics.OnNotModified();
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        await WriteJsonAsync(http, StatusCodes.Status200OK, body, rules, bmc).ConfigureAwait(false);
    }

    /// <summary>A resource of this BMC; the session collection and members come from the live session table.</summary>
    private JsonObject? Resource(string path, RedfishBmcState bmc)
    {
        if (options.Sessions && path == ProfileResources.Root + "/SessionService")
        {
            // A mockup's own SessionService as-is; the profile view's is built here.
            return resources.Get(path, bmc) ?? SessionService(path);
        }

        if (options.Sessions && path == SessionsPath)
        {
            return Json.Collection(SessionsPath, "#SessionCollection.SessionCollection", "Sessions", bmc.Sessions.Active.Select(s => $"{SessionsPath}/{s.Id}"));
        }

        if (options.Sessions && path.StartsWith(SessionsPath + "/", StringComparison.Ordinal))
        {
            var id = path[(SessionsPath.Length + 1)..];
            return bmc.Sessions.Active.FirstOrDefault(s => s.Id == id) is { } session ? SessionResource(session) : null;
        }

        return resources.Get(path, bmc);
    }

    private JsonObject SessionService(string path)
    {
        var s = Json.Resource(path, "#SessionService.v1_1_8.SessionService", "SessionService", "Session Service");
        s["ServiceEnabled"] = true;
        s["SessionTimeout"] = (int)options.SessionTimeout.TotalSeconds;
        s["Sessions"] = Json.Link(SessionsPath);
        return s;
    }

    private static JsonObject SessionResource(RedfishSimSession session)
    {
        var o = Json.Resource($"{SessionsPath}/{session.Id}", "#Session.v1_3_0.Session", session.Id, "User Session");
        o["UserName"] = session.UserName;
        return o;
    }

    /// <summary>Collections longer than PageSize are served in pages; $skiptoken=N starts at member N.</summary>
    private void Page(JsonObject resource, string path, string? skipToken, ExpandQuery? expand)
    {
        if (resource["Members"] is not JsonArray members)
        {
            return;
        }

        var skip = int.TryParse(skipToken, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var pageSize = options.PageSize > 0 ? options.PageSize : int.MaxValue;
        if (skipToken is null && members.Count <= pageSize)
        {
            return; // as served (a mockup's own nextLink stays)
        }

        var total = members.Count;
        var page = members.Skip(skip).Take(pageSize).Select(m => m?.DeepClone()).ToList();
        resource["Members"] = new JsonArray([.. page]);
        resource.Remove("Members@odata.nextLink");
        if ((long)skip + pageSize < total)
        {
            var query = expand is { } e ? $"&$expand={e.Which}($levels={e.Levels})" : "";
            resource["Members@odata.nextLink"] = $"{path}?$skiptoken={skip + pageSize}{query}";
        }
    }

    private static bool IsPublic(string path) =>
        path is "/redfish" or ProfileResources.Root or ProfileResources.Root + "/odata" or ProfileResources.Root + "/$metadata";

    private static string Normalize(string path)
    {
        var p = path.Length > 1 ? path.TrimEnd('/') : path;
        return p.Length == 0 ? "/" : p;
    }

    private List<(RedfishFaultRule Rule, int Index)> Faults(int bmc, string path)
    {
        var list = new List<(RedfishFaultRule, int)>();
        for (var i = 0; i < options.Faults.Count; i++)
        {
            if (options.Faults[i].Selects(bmc, path))
            {
                list.Add((options.Faults[i], i));
            }
        }

        return list;
    }

    private async Task WriteJsonAsync(HttpContext http, int status, byte[] body, List<(RedfishFaultRule Rule, int Index)> rules, RedfishBmcState bmc)
    {
        var contentType = "application/json; charset=utf-8";
        if (rules.Any(r => r.Rule.Truncate > 0 && bmc.NextDouble() < r.Rule.Truncate))
        {
            statistics.OnTruncated();
            body = body.AsSpan(0, body.Length / 2).ToArray();
        }

        if (rules.Any(r => r.Rule.WrongContentType > 0 && bmc.NextDouble() < r.Rule.WrongContentType))
        {
            statistics.OnWrongContentType();
            contentType = "text/html; charset=utf-8";
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        http.Response.Headers["OData-Version"] = "4.0";
        http.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await http.Response.Body.WriteAsync(body, http.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task ErrorAsync(HttpContext http, int status, string messageId, string message)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(Json.Error(messageId, message), Compact);
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted).ConfigureAwait(false);
    }
}
