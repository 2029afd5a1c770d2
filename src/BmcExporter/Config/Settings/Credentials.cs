using System.Globalization;
using System.Text;
using BmcExporter.Config.Yaml;
using BmcExporter.Ipmi.Crypto;

namespace BmcExporter.Config.Settings;

/// <summary>
/// Resolves a module's password and K_g at load time: files read, environment variables looked up. No message
/// here ever holds a secret value, only the key, the file path or the variable name.
/// </summary>
internal static class Credentials
{
    public static IpmiSecret Password(BuildContext c, ModuleSettings m, Located<string>? fromArgs) =>
        Resolve(c, "password", fromArgs, "-p", ("password", m.Password), ("pass", m.Pass), ("password_file", m.PasswordFile), ("password_env", m.PasswordEnv))
        ?? IpmiSecret.Empty;

    public static IpmiSecret? Kg(BuildContext c, ModuleSettings m, Located<string>? fromArgs) =>
        Resolve(c, "K_g", fromArgs, "-k", ("kg_hex", m.KgHex), ("kg_file", m.KgFile), ("kg_env", m.KgEnv));

    private static IpmiSecret? Resolve(BuildContext c, string what, Located<string>? fromArgs, string option, params (string Key, Located<string>? Value)[] keys)
    {
        var given = keys.Where(k => k.Value is not null).ToList();
        if (given.Count > 1)
        {
            c.Error(given[1].Value!, $"give the {what} only once (found {string.Join(", ", given.Select(g => g.Key))})");
            return null;
        }

        if (fromArgs is not null)
        {
            if (given.Count == 1)
            {
                c.Warn(fromArgs, $"custom_args {option} replaces {given[0].Key}, as in ipmi_exporter (FreeIPMI options beat its config file)");
            }

            return Read(c, option, fromArgs, what);
        }

        return given.Count == 1 ? Read(c, given[0].Key, given[0].Value!, what) : null;
    }

    private static IpmiSecret? Read(BuildContext c, string key, Located<string> v, string what)
    {
        byte[]? bytes;
        string origin;
        switch (key)
        {
            case "password" or "pass" or "-p":
                c.Warn(v, $"the {what} is written in the config file; prefer password_file or password_env");
                (bytes, origin) = (Encoding.UTF8.GetBytes(v.Value), "inline");
                break;
            case "kg_hex" or "-k":
                c.Warn(v, "K_g is written in the config file; prefer kg_file or kg_env");

                // FreeIPMI -k: text, or hex after 0x. kg_hex: hex, 0x optional.
                var hex = key == "kg_hex" || v.Value.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
                bytes = hex ? ParseHex(v.Value) : Encoding.UTF8.GetBytes(v.Value);
                origin = "inline";
                if (bytes is null)
                {
                    c.Error(v, "is not an even number of hex digits (optionally prefixed 0x)");
                    return null;
                }

                break;
            case "password_file" or "kg_file":
                var file = c.ResolvePath(v.Value);
                (bytes, origin) = (v.Value.Length == 0 ? null : ReadFile(c, v, file), $"file {file}");
                if (v.Value.Length == 0)
                {
                    c.Error(v, "must name a file");
                }

                break;
            default:
                if (v.Value.Length == 0 || !v.Value.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
                {
                    c.Error(v, $"'{v.Value}' is not an environment variable name");
                    return null;
                }

                var value = c.Options.GetEnvironmentVariable(v.Value);
                if (value is null)
                {
                    c.Error(v, $"environment variable {v.Value} is not set");
                }

                (bytes, origin) = (value is null ? null : Encoding.UTF8.GetBytes(value), $"env {v.Value}");
                break;
        }

        if (bytes is null)
        {
            return null;
        }

        // IPMI v2.0 §13.31: passwords and K_g are keys of at most 20 bytes.
        if (bytes.Length > IpmiSecret.MaxLength)
        {
            c.Error(v, $"the {what} is {bytes.Length} bytes; IPMI allows at most {IpmiSecret.MaxLength}");
            return null;
        }

        return IpmiSecret.FromBytes(bytes, origin);
    }

    private static byte[]? ReadFile(BuildContext c, Located<string> v, string file)
    {
        var problems = new ConfigDiagnostics(file);
        var raw = YamlText.ReadFile(file, 4096, problems, $"file {file}");
        if (raw is null)
        {
            c.Error(v, problems.Errors[0].Message);
            return null;
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & (UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
        {
            c.Warn(v, $"file {file} is readable by every user (mode {Convert.ToString((int)File.GetUnixFileMode(file), 8)}); chmod 600 or 640 it");
        }

        // A trailing newline (as left by editors and `echo`) is not part of the secret.
        var length = raw.Length;
        if (length > 0 && raw[length - 1] == (byte)'\n')
        {
            length -= length > 1 && raw[length - 2] == (byte)'\r' ? 2 : 1;
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

        return [.. Enumerable.Range(0, s.Length / 2).Select(i => byte.Parse(s.AsSpan(i * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture))];
    }
}
