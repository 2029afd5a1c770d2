using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BmcExporter.Simulator.Redfish;

/// <summary>
/// A DMTF mockup tree served as-is: the file <c>X/Y/index.json</c> is the resource <c>/redfish/v1/X/Y</c>. Loaded
/// and parsed once, shared by every BMC of the fleet (each request gets a copy, so $expand cannot alter it).
/// </summary>
internal sealed class MockupResources : IRedfishResources
{
    private readonly FrozenDictionary<string, JsonObject> _resources;

    public MockupResources(string directory)
    {
        var resources = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var root = Path.GetFullPath(directory);
        foreach (var file in Directory.EnumerateFiles(root, "index.json", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, Path.GetDirectoryName(file)!).Replace('\\', '/');
            var path = relative == "." ? ProfileResources.Root : $"{ProfileResources.Root}/{relative}";
            try
            {
                resources[path] = JsonNode.Parse(File.ReadAllBytes(file)) as JsonObject
                    ?? throw new InvalidOperationException($"mockup file '{file}' is not a JSON object");
            }
            catch (JsonException ex)
            {
                throw new InvalidOperationException($"mockup file '{file}' is not valid JSON: {ex.Message}", ex);
            }
        }

        _resources = resources.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public int Count => _resources.Count;

    public JsonObject? Get(string path, RedfishBmcState bmc) =>
        _resources.TryGetValue(path, out var resource) ? (JsonObject)resource.DeepClone() : null;

    /// <summary>Mockups are static: ClearLog is not offered.</summary>
    public bool ClearLog(string logService, RedfishBmcState bmc) => false;
}
