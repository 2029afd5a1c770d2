using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace BmcExporter.Simulator.Profiles;

/// <summary>Loads profiles from the shipped set (embedded resources) or from a YAML file.</summary>
public static class ProfileLoader
{
    private const string ResourcePrefix = "BmcExporter.Simulator.Profiles.";

    /// <summary>Names of the profiles shipped with the simulator.</summary>
    public static IReadOnlyList<string> ShippedNames { get; } =
        [.. typeof(ProfileLoader).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".yaml".Length])
            .Order(StringComparer.Ordinal)];

    /// <summary>The default profile: a typical 1U server.</summary>
    public const string DefaultName = "typical-1u";

    /// <summary>Loads a shipped profile by name, or a YAML file when <paramref name="nameOrPath"/> is a path.</summary>
    /// <exception cref="ProfileException">Unknown name, unreadable file, YAML error (with line) or invalid content.</exception>
    public static SimProfile Load(string nameOrPath)
    {
        if (ShippedNames.Contains(nameOrPath, StringComparer.Ordinal))
        {
            return LoadShipped(nameOrPath);
        }

        if (File.Exists(nameOrPath))
        {
            return Parse(File.ReadAllText(nameOrPath), nameOrPath);
        }

        throw new ProfileException(
            $"profile '{nameOrPath}' is neither a shipped profile ({string.Join(", ", ShippedNames)}) nor an existing file");
    }

    public static SimProfile LoadShipped(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + name + ".yaml")
            ?? throw new ProfileException($"no shipped profile named '{name}' (have: {string.Join(", ", ShippedNames)})");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), $"shipped profile {name}");
    }

    /// <summary>Parses and validates profile YAML; <paramref name="source"/> names it in error messages.</summary>
    public static SimProfile Parse(string yaml, string source) => ProfileCompiler.Compile(Deserialize<ProfileDocument>(yaml, source), source);

    internal static T Deserialize<T>(string yaml, string source)
        where T : class, new()
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build();
        try
        {
            return deserializer.Deserialize<T>(yaml) ?? new T();
        }
        catch (YamlException ex)
        {
            var inner = ex.InnerException is null ? ex.Message : $"{ex.Message} {ex.InnerException.Message}";
            throw new ProfileException($"{source}: line {ex.Start.Line}, column {ex.Start.Column}: {inner}", ex);
        }
    }
}
