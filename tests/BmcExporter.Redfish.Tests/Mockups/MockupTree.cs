using System.Text.Json;

namespace BmcExporter.Redfish.Tests.Mockups;

/// <summary>
/// The mockup files read directly with System.Text.Json, independently of the client: the expectations of the
/// mockup tests are computed from here.
/// </summary>
internal sealed class MockupTree
{
    private readonly Dictionary<string, JsonElement> _resources = new(StringComparer.Ordinal);

    public MockupTree(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "index.json", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(directory, Path.GetDirectoryName(file)!);
            var path = relative == "." ? "/redfish/v1" : "/redfish/v1/" + relative.Replace('\\', '/');
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            _resources[path] = doc.RootElement.Clone();
        }
    }

    public JsonElement this[string path] => _resources[path.TrimEnd('/')];

    public bool Has(string path) => _resources.ContainsKey(path.TrimEnd('/'));

    public static string? Link(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object && v.TryGetProperty("@odata.id", out var id) ? id.GetString() : null;

    /// <summary>Members of a collection file (members are links or inline objects; the mockups page no further).</summary>
    public IEnumerable<(string Uri, JsonElement Resource)> Members(string collection)
    {
        foreach (var m in this[collection].GetProperty("Members").EnumerateArray())
        {
            var uri = m.GetProperty("@odata.id").GetString()!;
            yield return (uri, m.EnumerateObject().Count() > 1 ? m : this[uri]);
        }
    }

    public static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static double? Num(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    public static string Health(JsonElement e) =>
        e.TryGetProperty("Status", out var s) && s.TryGetProperty("Health", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString()! : "Unknown";
}
