using System.Text.RegularExpressions;

namespace BmcExporter.Tests.Architecture;

/// <summary>
/// Inside src/BmcExporter, folders (one namespace each) depend one way: a cycle between folders is a design bug
/// (docs: shared/architecture.md). References are read from the source: <c>using BmcExporter.X</c>, fully qualified
/// <c>BmcExporter.X.</c> and namespace-relative <c>X.Type</c>.
/// </summary>
public sealed partial class FolderLayeringTests
{
    private static readonly string Root = Path.Combine(FindRepoRoot(), "src", "BmcExporter");

    [Fact]
    public void Folders_DependOneWay_NoCycle()
    {
        var graph = Graph();
        var cycle = FindCycle(graph);

        Assert.True(cycle is null, $"folder cycle: {string.Join(" -> ", cycle ?? [])}");
    }

    [Theory]
    [InlineData("Snapshots", "Engine")]
    [InlineData("Snapshots", "Output")]
    [InlineData("Collectors", "Engine")]
    [InlineData("Sessions", "Engine")]
    [InlineData("Output", "Engine")]
    [InlineData("Output", "Collectors")]
    [InlineData("Otlp", "Engine")]
    [InlineData("Engine", "Output")]
    [InlineData("Engine", "Web")]
    public void Folder_DoesNotDependOnAHigherOne(string folder, string forbidden)
    {
        Assert.DoesNotContain(forbidden, Graph()[folder]);
    }

    [Fact]
    public void FindCycle_OnAKnownCycle_FindsIt()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["A"] = ["B"],
            ["B"] = ["C"],
            ["C"] = ["A"],
            ["D"] = [],
        };

        Assert.Equal(["A", "B", "C", "A"], FindCycle(graph));
    }

    private static Dictionary<string, HashSet<string>> Graph()
    {
        var folders = Directory.GetDirectories(Root)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(d => d is not ("bin" or "obj"))
            .ToHashSet(StringComparer.Ordinal);
        var relative = new Regex(@"(?<![\w.])(" + string.Join("|", folders) + @")\.([A-Z]\w*)", RegexOptions.CultureInvariant);
        // A namespace-relative reference names a type declared in that folder (a property named like a folder does not).
        var types = folders.ToDictionary(
            f => f,
            f => Directory.EnumerateFiles(Path.Combine(Root, f), "*.cs", SearchOption.AllDirectories)
                .SelectMany(file => Declaration().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
                .ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        var graph = folders.ToDictionary(f => f, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories))
            {
                var code = Comments().Replace(File.ReadAllText(file), string.Empty);
                foreach (Match m in Qualified().Matches(code))
                {
                    graph[folder].Add(m.Groups[1].Value);
                }

                foreach (Match m in relative.Matches(code))
                {
                    if (types[m.Groups[1].Value].Contains(m.Groups[2].Value))
                    {
                        graph[folder].Add(m.Groups[1].Value);
                    }
                }
            }

            graph[folder].IntersectWith(folders);
            graph[folder].Remove(folder);
        }

        return graph;
    }

    private static List<string>? FindCycle(Dictionary<string, HashSet<string>> graph)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in graph[node].Order(StringComparer.Ordinal))
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return [.. path.Skip(path.IndexOf(next)), next];
                }

                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BmcExporter.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("BmcExporter.sln not found above the test binaries");
    }

    [GeneratedRegex(@"\bBmcExporter\.([A-Z]\w*)")]
    private static partial Regex Qualified();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+([A-Z]\w*)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();
}
