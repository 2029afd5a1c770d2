using YamlDotNet.RepresentationModel;

namespace BmcExporter.Tests.Packaging;

/// <summary>The Kubernetes objects <c>helm template</c> renders from helm/bmc-exporter.</summary>
internal sealed class RenderedChart
{
    public const string Release = "fleet";

    private RenderedChart(IReadOnlyList<YamlMappingNode> objects) => Objects = objects;

    public IReadOnlyList<YamlMappingNode> Objects { get; }

    /// <summary>Renders the chart with <c>--set</c> values, failing the test when helm fails.</summary>
    public static RenderedChart Render(params string[] sets)
    {
        var result = ExternalTool.RunSuccessfully(ExternalTool.Helm, Arguments(sets));
        return Parse(result.StandardOutput);
    }

    /// <summary>The text of <c>helm template</c> for <paramref name="sets"/>.</summary>
    public static string RenderText(params string[] sets) => ExternalTool.RunSuccessfully(ExternalTool.Helm, Arguments(sets)).StandardOutput;

    private static RenderedChart Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return new RenderedChart(stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList());
    }

    /// <summary>Renders the chart with values files (<c>-f</c>), failing the test when helm fails.</summary>
    public static RenderedChart RenderFiles(params string[] valuesFiles)
    {
        var result = ExternalTool.RunSuccessfully(ExternalTool.Helm, ["template", Release, PackagingPaths.Chart, "--namespace", "monitoring", .. valuesFiles.SelectMany(f => new[] { "-f", f })]);
        return Parse(result.StandardOutput);
    }

    /// <summary>Renders the chart expecting helm to refuse; returns its error output.</summary>
    public static string RenderFailure(params string[] sets)
    {
        var result = ExternalTool.Run(ExternalTool.Helm, Arguments(sets));
        Assert.NotEqual(0, result.ExitCode);
        return result.StandardError;
    }

    public IEnumerable<YamlMappingNode> OfKind(string kind) => Objects.Where(o => o.Scalar("kind") == kind);

    public YamlMappingNode Single(string kind) => Assert.Single(OfKind(kind));

    public YamlMappingNode Named(string kind, string name) => Assert.Single(OfKind(kind), o => o.At("metadata", "name").Scalar() == name);

    private static string[] Arguments(string[] sets) =>
        ["template", Release, PackagingPaths.Chart, "--namespace", "monitoring", .. sets.SelectMany(s => new[] { "--set", s })];
}

/// <summary>Navigation over YamlDotNet's representation model.</summary>
internal static class YamlNav
{
    public static YamlNode At(this YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            Assert.True(current is YamlMappingNode, $"'{key}': parent is not a mapping");
            var map = (YamlMappingNode)current;
            Assert.True(map.Children.TryGetValue(new YamlScalarNode(key), out var next), $"key '{key}' missing");
            current = next!;
        }

        return current;
    }

    public static bool Has(this YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.ContainsKey(new YamlScalarNode(key));

    public static string? Scalar(this YamlNode node, string key) => node.At(key).Scalar();

    public static string? Scalar(this YamlNode node) => Assert.IsType<YamlScalarNode>(node).Value;

    public static IReadOnlyList<YamlNode> Items(this YamlNode node) => Assert.IsType<YamlSequenceNode>(node).Children.ToList();

    public static IReadOnlyList<string> Strings(this YamlNode node) => node.Items().Select(i => i.Scalar() ?? string.Empty).ToList();
}
