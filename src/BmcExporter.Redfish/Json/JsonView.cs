using System.Text.Json;
using BmcExporter.Redfish.Errors;

namespace BmcExporter.Redfish.Json;

/// <summary>
/// A type-checked view of one JSON object of a Redfish resource. Absent and null properties read as null (Redfish
/// services omit or null what they do not support); a property of the wrong type is a
/// <see cref="RedfishProtocolException"/> naming the resource and the JSON path, never an InvalidOperationException.
/// </summary>
internal readonly struct JsonView
{
    private readonly JsonElement _element;
    private readonly ResourceContext _context;

    public JsonView(JsonElement element, ResourceContext context, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw context.Malformed($"{path} is a JSON {element.ValueKind}, expected an object");
        }

        _element = element;
        _context = context;
        Path = path;
    }

    /// <summary>JSON path of this object inside the resource, for messages ("$", "$.Temperatures[2]").</summary>
    public string Path { get; }

    public ResourceContext Context => _context;

    public JsonElement Element => _element;

    /// <summary>The object's <c>@odata.id</c>, or null.</summary>
    public string? ODataId => String("@odata.id");

    public bool Has(string name) => _element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public string? String(string name)
    {
        if (Value(name) is not { } v)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            throw Wrong(name, v, "a string");
        }

        try
        {
            return v.GetString();
        }
        catch (InvalidOperationException ex)
        {
            // RFC 8259 §8.1: JSON text is UTF-8; the reader only finds bad sequences inside strings when decoding them.
            throw _context.Malformed($"{Path}.{name} is not valid UTF-8", ex);
        }
    }

    public double? Number(string name)
    {
        if (Value(name) is not { } v)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d) ? d : throw Wrong(name, v, "a number");
    }

    public long? Integer(string name)
    {
        if (Value(name) is not { } v)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : throw Wrong(name, v, "an integer");
    }

    public bool? Bool(string name) => Value(name) is { } v
        ? v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Wrong(name, v, "a boolean"),
        }
        : null;

    public JsonView? Object(string name) => Value(name) is { } v ? new JsonView(v, _context, $"{Path}.{name}") : null;

    /// <summary>The objects of an array property (absent or null = none); every element must be an object.</summary>
    public IReadOnlyList<JsonView> Objects(string name)
    {
        if (Value(name) is not { } v)
        {
            return [];
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            throw Wrong(name, v, "an array");
        }

        var list = new List<JsonView>(v.GetArrayLength());
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            list.Add(new JsonView(item, _context, $"{Path}.{name}[{i++}]"));
        }

        return list;
    }

    /// <summary>The <c>@odata.id</c> of a navigation property <c>{ "@odata.id": "..." }</c>, or null when absent.</summary>
    public string? Link(string name) => Object(name)?.ODataId;

    private JsonElement? Value(string name) =>
        _element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    private RedfishProtocolException Wrong(string name, JsonElement v, string expected) =>
        _context.Malformed($"{Path}.{name} is a JSON {v.ValueKind}, expected {expected}");
}

/// <summary>Which BMC and resource a document came from, for error messages.</summary>
internal sealed record ResourceContext(string Target, string Resource)
{
    public RedfishProtocolException Malformed(string message, Exception? inner = null) => new(Target, Resource, message, inner);
}
