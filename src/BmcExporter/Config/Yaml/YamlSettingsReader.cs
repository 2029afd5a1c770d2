using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace BmcExporter.Config.Yaml;

/// <summary>
/// Text to settings: the bounded pre-scan, then YamlDotNet's deserialiser over its MergingParser (anchors,
/// aliases and <c>&lt;&lt;</c> merge keys) with <see cref="LocatingDeserializer"/> for the settings types. Never
/// throws for bad input: every problem becomes a located diagnostic.
/// </summary>
internal static class YamlSettingsReader
{
    /// <summary>Reads the document as <typeparamref name="T"/>; <c>null</c> for an empty document or when an error stops the reading.</summary>
    public static T? Read<T>(string text, ConfigDiagnostics diagnostics, YamlShape? shape = null)
        where T : class
    {
        shape ??= YamlPreScan.Run(text, diagnostics);
        if (shape is null || shape.Root == YamlRootKind.Empty)
        {
            return null;
        }

        var deserializer = new DeserializerBuilder()
            .WithNodeDeserializer(new LocatingDeserializer(diagnostics), s => s.OnTop())
            .WithMaximumRecursion(YamlPreScan.MaxDepth * 2)
            .Build();
        try
        {
            return deserializer.Deserialize<T>(new MergingParser(new Parser(new StringReader(text)), YamlPreScan.MaxEvents));
        }
        catch (YamlException ex)
        {
            var reason = (ex.InnerException as YamlException ?? ex).Message;
            var i = reason.LastIndexOf("): ", StringComparison.Ordinal);
            diagnostics.Error(ex.Start, string.Empty, $"invalid YAML: {(i >= 0 && reason.StartsWith('(') ? reason[(i + 3)..] : reason)}");
            return null;
        }
    }
}
