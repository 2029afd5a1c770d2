using System.Text.Json;
using BmcExporter.Config;
using BmcExporter.Engine;
using BmcExporter.Snapshots;
using Microsoft.AspNetCore.Http;

namespace BmcExporter.Web;

public static partial class ExporterEndpoints
{
    /// <summary>The media type of Prometheus HTTP service discovery.</summary>
    public const string DiscoveryContentType = "application/json; charset=utf-8";

    /// <summary>
    /// <c>GET /sd</c>: Prometheus <c>http_sd_configs</c> JSON listing the targets this replica owns, one group per
    /// target: <c>targets</c> is the BMC's <c>host:port</c>; <c>__param_module</c> sets the module URL parameter of
    /// the <c>/ipmi</c> scrape; <c>__meta_bmc_exporter_address</c> is the host:port the request was sent to (this
    /// replica), for relabelling into <c>__address__</c>; <c>__meta_bmc_exporter_module</c>, <c>__meta_bmc_exporter_shard</c> and
    /// <c>__meta_bmc_exporter_label_NAME</c> are for relabelling (meta labels are dropped unless kept, so they never
    /// clash with the labels on the series).
    /// </summary>
    private static async Task ServeDiscoveryAsync(HttpContext http, ExporterRuntime runtime)
    {
        var config = runtime.Config;
        var shard = $"{config.Sharding.Shard}";
        var self = http.Request.Host.HasValue ? http.Request.Host.Value : string.Empty;
        var groups = runtime.Targets.Owned
            .Select(t => ScrapeTarget.From(t, config))
            .OfType<ScrapeTarget>()
            .OrderBy(t => t.Address, StringComparer.Ordinal)
            .Select(t =>
            {
                var labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    ["__param_module"] = t.Module.Name,
                    ["__meta_bmc_exporter_address"] = self,
                    ["__meta_bmc_exporter_module"] = t.Module.Name,
                    ["__meta_bmc_exporter_shard"] = shard,
                };
                foreach (var (name, value) in t.Labels)
                {
                    labels["__meta_bmc_exporter_label_" + name] = value;
                }

                return new DiscoveryGroup([t.Address], labels);
            })
            .ToList();
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = DiscoveryContentType;
        await JsonSerializer.SerializeAsync(http.Response.Body, groups, DiscoveryJson.Default.ListDiscoveryGroup, http.RequestAborted).ConfigureAwait(false);
    }
}

/// <summary>One <c>http_sd_configs</c> target group.</summary>
/// <param name="Targets">Addresses (<c>__address__</c>).</param>
/// <param name="Labels">Labels of the group.</param>
public sealed record DiscoveryGroup(
    [property: System.Text.Json.Serialization.JsonPropertyName("targets")] IReadOnlyList<string> Targets,
    [property: System.Text.Json.Serialization.JsonPropertyName("labels")] IReadOnlyDictionary<string, string> Labels);

/// <summary>Source-generated JSON for <see cref="DiscoveryGroup"/>.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(List<DiscoveryGroup>))]
internal sealed partial class DiscoveryJson : System.Text.Json.Serialization.JsonSerializerContext;
