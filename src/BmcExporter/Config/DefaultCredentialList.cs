using System.Text;
using BmcExporter.Ipmi.Crypto;

namespace BmcExporter.Config;

/// <summary>
/// Lists of vendor-default IPMI credentials, one <c>user:password</c> per line (split at the first colon, so a
/// password may hold colons; an empty password is <c>user:</c>); blank lines and lines starting with <c>#</c> are
/// ignored. The shipped list (<c>default-credentials.txt</c>, embedded) names the vendor of each pair in comments.
/// </summary>
public static class DefaultCredentialList
{
    /// <summary>The shipped list of published factory defaults.</summary>
    public static IReadOnlyList<DefaultCredential> Shipped { get; } = LoadShipped();

    /// <summary>Parses <paramref name="text"/>; returns the pairs and, per bad line, its 1-based number and what is wrong.</summary>
    public static (List<DefaultCredential> Credentials, List<(int Line, string Problem)> Errors) Parse(string text, string origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        var credentials = new List<DefaultCredential>();
        var errors = new List<(int, string)>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                errors.Add((i + 1, "expected user:password (the user name may not be empty)"));
                continue;
            }

            var user = line[..colon];
            var password = line[(colon + 1)..];
            if (Encoding.UTF8.GetByteCount(user) > 16 || Encoding.UTF8.GetByteCount(password) > IpmiSecret.MaxLength)
            {
                errors.Add((i + 1, "IPMI user names are at most 16 bytes and passwords at most 20"));
                continue;
            }

            credentials.Add(new DefaultCredential(user, IpmiSecret.FromString(password, $"{origin} line {i + 1}")));
        }

        return (credentials, errors);
    }

    private static List<DefaultCredential> LoadShipped()
    {
        using var stream = typeof(DefaultCredentialList).Assembly.GetManifestResourceStream("BmcExporter.Config.default-credentials.txt")
            ?? throw new InvalidOperationException("the shipped default-credentials.txt resource is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var (credentials, errors) = Parse(reader.ReadToEnd(), "shipped default-credentials.txt");
        return errors.Count == 0 ? credentials
            : throw new InvalidOperationException($"shipped default-credentials.txt line {errors[0].Line}: {errors[0].Problem}");
    }
}
