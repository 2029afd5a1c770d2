using System.Text.RegularExpressions;

namespace BmcExporter.Tests.Packaging;

/// <summary>
/// Replays one stage of the repository's Dockerfile without a Docker engine (none on the build machines, and the
/// base images cannot be pulled): <c>WORKDIR</c>, <c>COPY</c> from the build context (honouring
/// <c>.dockerignore</c>) and <c>RUN</c> are carried out in a fresh directory standing for the image's root, with
/// the SDK of this machine in place of the SDK image. So a stage that forgets a file it needs (a project the
/// restore step does not copy, a props file) fails here as it would in <c>docker build</c>.
/// Only what the Dockerfile uses is supported: <c>FROM</c>, <c>ARG</c>, <c>WORKDIR</c>, <c>COPY</c>, <c>RUN</c>
/// (shell form), and in the runtime stage the metadata instructions; anything else fails the replay.
/// </summary>
internal sealed partial class DockerBuildStage
{
    private static readonly HashSet<string> Metadata = new(StringComparer.OrdinalIgnoreCase)
    {
        "ARG", "USER", "EXPOSE", "VOLUME", "HEALTHCHECK", "ENTRYPOINT", "CMD", "LABEL", "ENV",
    };

    private readonly string _context;
    private readonly string _root;
    private readonly IReadOnlyList<string> _ignore;
    private readonly IReadOnlyDictionary<string, DockerBuildStage> _earlier;
    private string _workdir = "/";

    /// <param name="context">The build context (the repository root).</param>
    /// <param name="root">An empty directory that stands for <c>/</c> of the stage's image.</param>
    /// <param name="earlier">Stages replayed before, by name, for <c>COPY --from=name</c>.</param>
    public DockerBuildStage(string context, string root, IReadOnlyDictionary<string, DockerBuildStage>? earlier = null)
    {
        _context = context;
        _root = root;
        _earlier = earlier ?? new Dictionary<string, DockerBuildStage>();
        var ignoreFile = Path.Combine(context, ".dockerignore");
        _ignore = File.Exists(ignoreFile)
            ? File.ReadLines(ignoreFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.TrimEnd('/')).ToList()
            : [];
    }

    /// <summary>The instructions of the stage named <paramref name="stage"/> (<c>FROM ... AS stage</c>), continuation lines joined.</summary>
    public static IReadOnlyList<(string Keyword, string Arguments)> Instructions(string dockerfile, string stage)
    {
        var joined = Regex.Replace(dockerfile, @"\\\r?\n", " ");
        var all = joined.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => Instruction().Match(l))
            .Select(m => (Keyword: m.Groups["keyword"].Value.ToUpperInvariant(), Arguments: m.Groups["args"].Value.Trim()))
            .ToList();
        var start = all.FindIndex(i => i.Keyword == "FROM" && i.Arguments.EndsWith(" AS " + stage, StringComparison.OrdinalIgnoreCase));
        Assert.True(start >= 0, $"the Dockerfile has no stage '{stage}'");
        var end = all.FindIndex(start + 1, i => i.Keyword == "FROM");
        return all[(start + 1)..(end < 0 ? all.Count : end)];
    }

    /// <summary>Path on this machine of <paramref name="imagePath"/> inside the stage's image.</summary>
    public string HostPath(string imagePath) =>
        Path.Combine(_root, (imagePath.StartsWith('/') ? imagePath : _workdir.TrimEnd('/') + "/" + imagePath).TrimStart('/'));

    /// <summary>Carries out every instruction of the stage; a failing <c>RUN</c> fails the test with its output.</summary>
    public void Replay(IEnumerable<(string Keyword, string Arguments)> instructions)
    {
        foreach (var (keyword, arguments) in instructions)
        {
            switch (keyword)
            {
                case "WORKDIR":
                    _workdir = arguments.StartsWith('/') ? arguments : _workdir.TrimEnd('/') + "/" + arguments;
                    Directory.CreateDirectory(HostPath(_workdir));
                    break;
                case "COPY" when arguments.StartsWith("--from=", StringComparison.Ordinal):
                    CopyFromStage(arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                    break;
                case "COPY" when !arguments.StartsWith("--", StringComparison.Ordinal):
                    Copy(arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                    break;
                case "RUN":
                    Run(arguments);
                    break;
                case var k when Metadata.Contains(k):
                    break;
                default:
                    Assert.Fail($"the replay does not support '{keyword} {arguments}'");
                    break;
            }
        }
    }

    private void Copy(string[] parts)
    {
        var destination = parts[^1];
        var intoDirectory = destination.EndsWith('/') || parts.Length > 2;
        foreach (var source in parts[..^1])
        {
            var from = Path.Combine(_context, source);
            if (Directory.Exists(from))
            {
                CopyTree(from, HostPath(destination), source.TrimEnd('/'));
            }
            else
            {
                Assert.True(File.Exists(from), $"COPY {source}: no such file in the build context");
                var to = intoDirectory ? Path.Combine(HostPath(destination), Path.GetFileName(source)) : HostPath(destination);
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(from, to, overwrite: true);
            }
        }
    }

    private void CopyFromStage(string[] parts)
    {
        var name = parts[0]["--from=".Length..];
        Assert.True(_earlier.TryGetValue(name, out var stage), $"COPY --from={name}: no such stage was replayed");
        Assert.True(parts.Length == 3, $"COPY {string.Join(' ', parts)}: the replay copies one directory from a stage");
        var from = stage!.HostPath(parts[1]);
        Assert.True(Directory.Exists(from), $"COPY --from={name} {parts[1]}: the stage did not produce it");
        CopyTree(from, HostPath(parts[2]), null);
    }

    private void CopyTree(string from, string to, string? contextPath)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            if (contextPath is null || !Ignored(contextPath + "/" + Path.GetFileName(file)))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
            }
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            var name = Path.GetFileName(dir);
            if (contextPath is null || !Ignored(contextPath + "/" + name))
            {
                CopyTree(dir, Path.Combine(to, name), contextPath is null ? null : contextPath + "/" + name);
            }
        }
    }

    /// <summary>The .dockerignore forms the repository uses: <c>**/name</c> (any depth) and <c>path</c> (from the context root).</summary>
    private bool Ignored(string contextPath) => _ignore.Any(p => p.StartsWith("**/", StringComparison.Ordinal)
        ? contextPath.Split('/').Contains(p[3..], StringComparer.Ordinal)
        : contextPath == p || contextPath.StartsWith(p + "/", StringComparison.Ordinal));

    /// <summary>Runs a shell-form <c>RUN</c> in the working directory; absolute image paths in it are moved under the stage root.</summary>
    private void Run(string command)
    {
        var mapped = string.Join(' ', command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => t.StartsWith('/') ? HostPath(t) : t));
        var result = ExternalTool.Run("sh", ["-c", mapped], HostPath(_workdir));
        Assert.True(result.ExitCode == 0, $"RUN {command} failed in the replayed stage: {result.Describe()}");
    }

    [GeneratedRegex(@"^(?<keyword>[A-Za-z]+)\s+(?<args>.*)$")]
    private static partial Regex Instruction();
}
