using System.Globalization;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace BmcExporter.Config;

/// <summary>
/// Resolving passwords and K_g at load time. No message here ever includes a secret value: only the key,
/// the file path or the environment variable name.
/// </summary>
internal sealed partial class ConfigParser
{
    // IPMI v2.0 §13.31: passwords and K_g are keys of at most 20 bytes (HMAC key length of RAKP).
    private const int MaxSecretBytes = 20;

    private sealed class SecretSources
    {
        private readonly List<(string Key, YamlNode Node)> _password = [];
        private readonly List<(string Key, YamlNode Node)> _kg = [];

        public void AddPassword(string key, YamlNode node) => _password.Add((key, node));

        public void AddKg(string key, YamlNode node) => _kg.Add((key, node));

        public Secret? ResolvePassword(ConfigParser parser, string path) => Resolve(parser, path, _password, "password");

        public Secret? ResolveKg(ConfigParser parser, string path) => Resolve(parser, path, _kg, "K_g");

        private static Secret? Resolve(ConfigParser parser, string path, List<(string Key, YamlNode Node)> sources, string what)
        {
            if (sources.Count == 0)
            {
                return null;
            }

            if (sources.Count > 1)
            {
                var second = sources[1];
                parser.Error(second.Node, Join(path, second.Key),
                    $"give the {what} only once (found {string.Join(", ", sources.Select(s => s.Key))})");
                return null;
            }

            var (key, node) = sources[0];
            return parser.ReadSecret(node, Join(path, key), key, what);
        }
    }

    private Secret? ReadSecret(YamlNode node, string path, string key, string what)
    {
        if (node is not YamlScalarNode scalar)
        {
            Error(node, path, "must be a single value");
            return null;
        }

        var text = IsNull(node) ? string.Empty : scalar.Value ?? string.Empty;
        byte[]? bytes;
        string origin;
        switch (key)
        {
            case "password" or "pass":
                Warn(node, path, $"{what} is written in the config file; prefer password_file or password_env");
                bytes = Encoding.UTF8.GetBytes(text);
                origin = "inline";
                break;
            case "kg_hex":
                Warn(node, path, "K_g is written in the config file; prefer kg_file or kg_env");
                bytes = ParseHex(text);
                if (bytes is null)
                {
                    Error(node, path, "is not an even number of hex digits (optionally prefixed 0x)");
                    return null;
                }

                origin = "inline";
                break;
            case "password_file" or "kg_file":
                if (text.Length == 0)
                {
                    Error(node, path, "must name a file");
                    return null;
                }

                var file = ResolvePath(text);
                bytes = ReadSecretFile(node, path, file);
                origin = $"file {file}";
                break;
            default:
                if (text.Length == 0 || !text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                {
                    Error(node, path, $"'{text}' is not an environment variable name");
                    return null;
                }

                var value = _options.GetEnvironmentVariable(text);
                if (value is null)
                {
                    Error(node, path, $"environment variable {text} is not set");
                    return null;
                }

                bytes = Encoding.UTF8.GetBytes(value);
                origin = $"env {text}";
                break;
        }

        if (bytes is null)
        {
            return null;
        }

        if (bytes.Length > MaxSecretBytes)
        {
            Error(node, path, $"the {what} is {bytes.Length} bytes; IPMI allows at most {MaxSecretBytes}");
            return null;
        }

        return new Secret(bytes, origin);
    }

    private byte[]? ReadSecretFile(YamlNode node, string path, string file)
    {
        byte[] raw;
        try
        {
            raw = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var reason = ex switch
            {
                FileNotFoundException or DirectoryNotFoundException => "does not exist",
                UnauthorizedAccessException => "is not readable by this user",
                _ => "cannot be read",
            };
            Error(node, path, $"file {file} {reason}");
            return null;
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(file);
            if ((mode & (UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
            {
                Warn(node, path, $"file {file} is readable by every user (mode {Convert.ToString((int)mode, 8)}); chmod 600 or 640 it");
            }
        }

        // A trailing newline (as left by editors and `echo`) is not part of the secret.
        var length = raw.Length;
        if (length > 0 && raw[length - 1] == (byte)'\n')
        {
            length--;
            if (length > 0 && raw[length - 1] == (byte)'\r')
            {
                length--;
            }
        }

        return raw[..length];
    }

    private static byte[]? ParseHex(string text)
    {
        var s = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (s.Length % 2 != 0 || !s.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        var bytes = new byte[s.Length / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = byte.Parse(s.AsSpan(i * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        return bytes;
    }
}
