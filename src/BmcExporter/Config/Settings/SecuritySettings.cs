using BmcExporter.Config.Yaml;

namespace BmcExporter.Config.Settings;

/// <summary><c>modules.NAME.security:</c> as written.</summary>
internal sealed class SecuritySettings : SettingsNode
{
    public Located<string>? Interval { get; set; }
    public Located<bool>? DefaultPasswordCheck { get; set; }
    public Located<string>? DefaultCredentialsFile { get; set; }

    public SecurityConfig Build(BuildContext c) => new()
    {
        Interval = c.Duration(Interval, SecurityConfig.Default.Interval, TimeSpan.FromMinutes(1), TimeSpan.FromDays(7)),
        DefaultPasswordCheck = DefaultPasswordCheck?.Value ?? false,
        DefaultCredentials = DefaultCredentialsFile is null ? DefaultCredentialList.Shipped : ReadFile(c, DefaultCredentialsFile),
    };

    private static IReadOnlyList<DefaultCredential> ReadFile(BuildContext c, Located<string> file)
    {
        var path = c.ResolvePath(file.Value);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return c.Reject(file, $"cannot read {path}: {ex.Message}", DefaultCredentialList.Shipped);
        }

        var (credentials, errors) = DefaultCredentialList.Parse(text, path);
        foreach (var (line, problem) in errors)
        {
            c.Error(file, $"{path} line {line}: {problem}");
        }

        return credentials.Count > 0 ? credentials : c.Reject(file, $"{path} lists no user:password pair", DefaultCredentialList.Shipped);
    }
}
