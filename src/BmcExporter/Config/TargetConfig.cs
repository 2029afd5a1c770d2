using BmcExporter.Config.Equality;

namespace BmcExporter.Config;

/// <summary>One BMC to scrape: a static <c>targets:</c> entry or a line of a target file.</summary>
public sealed record TargetConfig
{
    /// <summary>The RMCP port used when a target names none (IPMI v2.0 §13.1.1: UDP 623).</summary>
    public const int DefaultPort = 623;

    private static readonly EquatableDictionary<string, string> NoLabels = EquatableDictionary<string, string>.Of([], StringComparer.Ordinal);

    /// <summary>Host name or IP address (IPv6 without brackets).</summary>
    public required string Host
    {
        get;
        init
        {
            field = value;
            _key = HostPort.Format(value, Port);
        }
    }

    /// <summary>UDP port. Default 623.</summary>
    public int Port
    {
        get;
        init
        {
            field = value;
            _key = Host is null ? null : HostPort.Format(Host, value);
        }
    } = DefaultPort;

    // The key is formatted when Host or Port is set (also by a `with` expression), not on every read: lookups over a
    // fleet read it thousands of times. It is a function of Host and Port, so record equality is unchanged.
    private string? _key;

    /// <summary>Module name; must exist in <see cref="ExporterConfig.Modules"/>. Default <c>default</c>.</summary>
    public string Module { get; init; } = ExporterConfig.DefaultModuleName;

    /// <summary>Extra labels on every series of this target. Default none.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init => field = EquatableDictionary<string, string>.Of(value, StringComparer.Ordinal); } = NoLabels;

    /// <summary>Where the target came from: <c>config</c> or the target file path.</summary>
    public string Origin { get; init; } = "config";

    /// <summary>The stable identity <c>host:port</c> (IPv6 bracketed) used for hashing, state files and the <c>target</c> label.</summary>
    public string Key => _key ?? HostPort.Format(Host, Port);
}
