using YamlDotNet.RepresentationModel;

namespace BmcExporter.Config;

/// <summary>Walks the YAML tree of one config file, collecting errors and warnings with their location.</summary>
internal sealed partial class ConfigParser
{
    private static readonly string[] TopLevelKeys =
        ["listen_address", "state_dir", "scrape", "sharding", "modules", "targets", "target_files", "otlp"];

    /// <summary>Every key the loader accepts, by section (docs and the example are checked against this).</summary>
    /// <remarks>Computed on each call: the arrays live in other partial files, whose initialisation order is unspecified.</remarks>
    internal static IReadOnlyDictionary<string, IReadOnlyCollection<string>> KnownKeys => new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal)
    {
        [string.Empty] = TopLevelKeys,
        ["scrape"] = ScrapeKeys,
        ["sharding"] = ShardingKeys,
        ["modules.NAME"] = AllModuleKeys,
        ["modules.NAME.sensors"] = SensorKeys,
        ["targets[]"] = TargetKeys,
        ["otlp"] = OtlpKeys,
    };

    private readonly string _file;
    private readonly string _baseDirectory;
    private readonly ConfigLoadOptions _options;
    private readonly List<ConfigDiagnostic> _errors = [];
    private readonly List<ConfigDiagnostic> _warnings = [];

    public ConfigParser(string file, ConfigLoadOptions options)
    {
        _file = file;
        _options = options;
        var full = Path.GetFullPath(file);
        _baseDirectory = Path.GetDirectoryName(full) ?? Directory.GetCurrentDirectory();
    }

    /// <summary><c>true</c> while parsing an ipmi_exporter file (timeouts in milliseconds, its default collectors).</summary>
    private bool IpmiExporterFormat { get; set; }

    /// <summary>The outcome, diagnostics in file order (secrets are resolved after their module, so sort).</summary>
    public ConfigLoadResult Result(ExporterConfig? config) =>
        new(config, _errors.OrderBy(d => d.Line).ThenBy(d => d.Column).ToArray(), _warnings.OrderBy(d => d.Line).ThenBy(d => d.Column).ToArray());

    public void Error(long line, long column, string key, string message) =>
        _errors.Add(new ConfigDiagnostic(_file, (int)line, (int)column, key, message));

    public void Error(YamlNode node, string key, string message) => Error(node.Start.Line, node.Start.Column, key, message);

    public void Warn(YamlNode node, string key, string message) =>
        _warnings.Add(new ConfigDiagnostic(_file, (int)node.Start.Line, (int)node.Start.Column, key, message));

    public ExporterConfig? Parse(YamlNode root)
    {
        if (IsNull(root))
        {
            return ExporterConfig.Default with { SourcePath = _file };
        }

        if (root is not YamlMappingNode map)
        {
            Error(root, string.Empty, "the top level must be a mapping of keys (listen_address, modules, targets...)");
            return null;
        }

        IpmiExporterFormat = DetectIpmiExporterFormat(map);
        var config = new ExporterConfig { SourcePath = _file, IsIpmiExporterFormat = IpmiExporterFormat };
        YamlNode? targetsNode = null;
        foreach (var (key, value) in Entries(map, string.Empty, TopLevelKeys))
        {
            switch (key)
            {
                case "listen_address":
                    config = config with { ListenAddress = ReadListenAddress(value, key) ?? config.ListenAddress };
                    break;
                case "state_dir":
                    config = config with { StateDir = ReadPath(value, key) ?? config.StateDir };
                    break;
                case "scrape":
                    config = config with { Scrape = ReadScrape(value, key) };
                    break;
                case "sharding":
                    config = config with { Sharding = ReadSharding(value, key) };
                    break;
                case "modules":
                    config = config with { Modules = ReadModules(value, key) };
                    break;
                case "targets":
                    targetsNode = value;
                    break;
                case "target_files":
                    config = config with { TargetFiles = ReadTargetFiles(value, key) };
                    break;
                case "otlp":
                    config = config with { Otlp = ReadOtlp(value, key) };
                    break;
            }
        }

        if (targetsNode is not null)
        {
            config = config with { Targets = ReadTargets(targetsNode, "targets", config.Modules) };
        }

        if (config.Scrape.Timeout > config.Scrape.Interval)
        {
            Warn(root, "scrape.timeout", $"timeout {Durations.Format(config.Scrape.Timeout)} is longer than interval {Durations.Format(config.Scrape.Interval)}; a slow target will be scraped back to back");
        }

        return _errors.Count == 0 ? config : null;
    }

    private static bool DetectIpmiExporterFormat(YamlMappingNode root)
    {
        // ipmi_exporter files have only `modules:`, and their modules use only ipmi_exporter keys.
        var keys = root.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value).ToList();
        if (keys.Count != 1 || keys[0] != "modules")
        {
            return false;
        }

        if (root.Children[new YamlScalarNode("modules")] is not YamlMappingNode modules)
        {
            return false;
        }

        foreach (var module in modules.Children.Values.OfType<YamlMappingNode>())
        {
            foreach (var k in module.Children.Keys.OfType<YamlScalarNode>())
            {
                if (k.Value is not null && !IpmiExporterModuleKeys.Contains(k.Value))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
