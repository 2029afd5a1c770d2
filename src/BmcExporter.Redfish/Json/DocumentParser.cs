using System.Text.Json;

namespace BmcExporter.Redfish.Json;

/// <summary>Turns a response body into a detached <see cref="JsonElement"/>; any malformation is one protocol exception.</summary>
internal static class DocumentParser
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Parses <paramref name="body"/>; the root must be an object (DSP0266 §9.3: every resource is a JSON object).</summary>
    public static JsonView Parse(ReadOnlyMemory<byte> body, ResourceContext context)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body, Options);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, byte {ex.BytePositionInLine}" : "";
            var what = body.Length == 0 ? "empty body" : $"malformed or truncated JSON ({body.Length} bytes){where}";
            throw context.Malformed(what, ex);
        }

        return new JsonView(root, context, "$");
    }
}
