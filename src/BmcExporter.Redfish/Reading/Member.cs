using BmcExporter.Redfish.Json;

namespace BmcExporter.Redfish.Reading;

/// <summary>A collection member: its URI and its (expanded or fetched) resource.</summary>
internal readonly record struct Member(string Uri, JsonView View);
