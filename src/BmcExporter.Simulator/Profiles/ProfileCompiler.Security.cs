using System.Text;
using BmcExporter.Ipmi.Commands;

namespace BmcExporter.Simulator.Profiles;

internal static partial class ProfileCompiler
{
    private static readonly Dictionary<string, Ipmi15AuthTypes> AuthTypeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = Ipmi15AuthTypes.NoAuth,
        ["md2"] = Ipmi15AuthTypes.Md2,
        ["md5"] = Ipmi15AuthTypes.Md5,
        ["password"] = Ipmi15AuthTypes.Password,
        ["straight"] = Ipmi15AuthTypes.Password,
        ["oem"] = Ipmi15AuthTypes.Oem,
    };

    private static SecurityPolicy CompileSecurity(SecurityDocument? s, ProfileErrors errors)
    {
        if (s is null)
        {
            return SecurityPolicy.Hardened;
        }

        var types = Ipmi15AuthTypes.None;
        foreach (var (name, i) in (s.Ipmi15AuthTypes ?? []).Select((n, i) => (n, i)))
        {
            if (AuthTypeNames.TryGetValue(name, out var type))
            {
                types |= type;
            }
            else
            {
                errors.Add($"security.ipmi15AuthTypes[{i}]", $"unknown IPMI 1.5 authentication type '{name}' (none, md2, md5, password, oem)");
            }
        }

        ReadOnlyMemory<byte>? nullPassword = null;
        if (s.NullUserPassword is { } text)
        {
            nullPassword = Encoding.ASCII.GetBytes(text);
            if (text.Length == 0 || nullPassword.Value.Length > 20)
            {
                errors.Add("security.nullUserPassword", "must be 1 to 20 bytes (an empty password is anonymousLogin: true)");
            }
        }

        if (s.AnonymousLogin == true && nullPassword is not null)
        {
            errors.Add("security", "anonymousLogin and nullUserPassword both configure the null user (user 1): give one");
        }

        return new SecurityPolicy(
            s.AnonymousLogin ?? false,
            nullPassword,
            types,
            s.PerMessageAuthDisabled ?? false,
            s.UserLevelAuthDisabled ?? false,
            s.SessionAudit ?? true);
    }
}
