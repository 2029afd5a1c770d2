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
    /// <summary>The module's password; with <paramref name="ipmiLimit"/> false (a Redfish-only module) it may exceed IPMI's 20 bytes.</summary>
    public static IpmiSecret Password(BuildContext c, ModuleSettings m, Located<string>? option, bool ipmiLimit = true) =>
        Resolve(c, "password", option, "-p", ipmiLimit, ("password", m.Password), ("pass", m.Pass), ("password_file", m.PasswordFile), ("password_env", m.PasswordEnv))
        ?? IpmiSecret.Empty;

    public static IpmiSecret? Kg(BuildContext c, ModuleSettings m, Located<string>? option) =>
        Resolve(c, "K_g", option, "-k", true, ("kg_hex", m.KgHex), ("kg_file", m.KgFile), ("kg_env", m.KgEnv));

    private static IpmiSecret? Resolve(BuildContext c, string what, Located<string>? option, string flag, bool ipmiLimit, params (string Key, Located<string>? Value)[] keys)
    {
        var given = keys.Where(k => k.Value is not null).ToList();
        if (given.Count > 1)
        {
            c.Error(given[1].Value!, $"give the {what} only once (found {string.Join(", ", given.Select(g => g.Key))})");
            return null;
        }

        if (option is not null && given.Count == 1)
        {
            c.Warn(option, $"custom_args {flag} replaces {given[0].Key}, as in ipmi_exporter (FreeIPMI options beat its config file)");
        }

        var (key, v) = option is not null ? (flag, option) : given.FirstOrDefault();
        if (v is null)
        {
            return null;
        }

        var (bytes, origin) = key switch
        {
            "password" or "pass" or "-p" or "kg_hex" or "-k" => Inline(c, key, v, what),
            "password_file" or "kg_file" => (ReadFile(c, v), $"file {c.ResolvePath(v.Value)}"),
            _ => (FromEnvironment(c, v), $"env {v.Value}"),
        };

        // IPMI v2.0 §13.31: passwords and K_g are keys of at most 20 bytes.
        return bytes is null ? null : !ipmiLimit ? IpmiSecret.FromText(Encoding.UTF8.GetString(bytes), origin)
            : bytes.Length <= IpmiSecret.MaxLength ? IpmiSecret.FromBytes(bytes, origin)
            : c.Reject<IpmiSecret?>(v, $"the {what} is {bytes.Length} bytes; IPMI allows at most {IpmiSecret.MaxLength}", null);
    }

    private static (byte[]? Bytes, string Origin) Inline(BuildContext c, string key, Located<string> v, string what)
    {
        c.Warn(v, what == "K_g" ? "K_g is written in the config file; prefer kg_file or kg_env" : $"the {what} is written in the config file; prefer password_file or password_env");

        // kg_hex is hex (0x optional); FreeIPMI's -k is text, or hex after 0x.
        if (key == "kg_hex" || (key == "-k" && v.Value.StartsWith("0x", StringComparison.OrdinalIgnoreCase)))
        {
            var hex = v.Value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? v.Value[2..] : v.Value;
            return (hex.Length % 2 == 0 && hex.All(char.IsAsciiHexDigit) ? Convert.FromHexString(hex)
                : c.Reject<byte[]?>(v, "is not an even number of hex digits (optionally prefixed 0x)", null), "inline");
        }

        return (Encoding.UTF8.GetBytes(v.Value), "inline");
    }

    private static byte[]? FromEnvironment(BuildContext c, Located<string> v)
    {
        var valid = v.Value.Length > 0 && v.Value.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_');
        return (valid ? c.Options.GetEnvironmentVariable(v.Value) : null) is { } value ? Encoding.UTF8.GetBytes(value)
            : c.Reject<byte[]?>(v, valid ? $"environment variable {v.Value} is not set" : $"'{v.Value}' is not an environment variable name", null);
    }

    private static byte[]? ReadFile(BuildContext c, Located<string> v)
    {
        var file = c.ResolvePath(v.Value);
        var problems = new ConfigDiagnostics(file);
        var raw = v.Value.Length == 0 ? null : YamlText.ReadFile(file, 4096, problems, $"file {file}");
        if (raw is null)
        {
            return c.Reject<byte[]?>(v, v.Value.Length == 0 ? "must name a file" : problems.Errors[0].Message, null);
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & (UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
        {
            c.Warn(v, $"file {file} is readable by every user (mode {Convert.ToString((int)File.GetUnixFileMode(file), 8)}); chmod 600 or 640 it");
        }

        // A trailing newline (as left by editors and `echo`) is not part of the secret.
        var length = raw.Length - (raw is [.., (byte)'\r', (byte)'\n'] ? 2 : raw is [.., (byte)'\n'] ? 1 : 0);
        return raw[..length];
    }
}
