using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;

namespace BmcExporter.Collectors;

/// <summary>
/// Manufacturer IDs as FreeIPMI's <c>bmc-info</c> prints them, for ipmi_exporter's <c>manufacturer_id</c> label:
/// <c>Name (number)</c> when the IANA Private Enterprise Number has a name, the bare number otherwise. The names are
/// the IANA enterprise-number registry as FreeIPMI 1.6.10 ships it (<c>Data/iana-enterprise-numbers.tsv.gz</c>,
/// <c>number TAB name</c> per line, ascending, 47,731 entries up to 47861; see <c>Data/README.md</c>).
/// A BMC reports one ID, so a name is looked up once per distinct ID by streaming the resource, never held whole.
/// </summary>
public static class ManufacturerNames
{
    private const string Resource = "BmcExporter.Collectors.Data.iana-enterprise-numbers.tsv.gz";

    private static readonly ConcurrentDictionary<uint, string> Described = new();

    /// <summary><c>Name (number)</c>, or the number alone when the registry FreeIPMI ships has no name for it.</summary>
    public static string Describe(uint manufacturerId) => Described.GetOrAdd(manufacturerId, static id =>
    {
        var number = id.ToString(CultureInfo.InvariantCulture);
        return Lookup(id) is { } name ? $"{name} ({number})" : number;
    });

    /// <summary>The registry name of an enterprise number, or <c>null</c>.</summary>
    public static string? Lookup(uint manufacturerId)
    {
        using var stream = typeof(ManufacturerNames).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"embedded resource {Resource} is missing from the build");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || !uint.TryParse(line.AsSpan(0, tab), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }

            if (id == manufacturerId)
            {
                return line[(tab + 1)..];
            }

            if (id > manufacturerId)
            {
                break;
            }
        }

        return null;
    }
}
