using System.Collections.Concurrent;
using System.Reflection;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace BmcExporter.Config.Yaml;

/// <summary>
/// Base of the settings classes the YAML is deserialised into. Each public settable property is a key, named in
/// snake_case (<c>PasswordFile</c> is <c>password_file</c>) unless <see cref="YamlMemberAttribute.Alias"/> says otherwise.
/// </summary>
internal abstract class SettingsNode : MappingNode
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, PropertyInfo>> Schemas = new();

    internal override IReadOnlyCollection<string> KnownKeys => [.. Schema.Keys];

    private IReadOnlyDictionary<string, PropertyInfo> Schema => KeysOf(GetType());

    /// <summary>The keys a settings type accepts, by name (also what docs/configuration.md is checked against).</summary>
    internal static IReadOnlyDictionary<string, PropertyInfo> KeysOf(Type type) => Schemas.GetOrAdd(type, static t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.DeclaringType != typeof(SettingsNode) && p.DeclaringType != typeof(MappingNode) && p.SetMethod is { IsPublic: true }
                && p.GetCustomAttribute<YamlIgnoreAttribute>() is null)
            .ToDictionary(p => p.GetCustomAttribute<YamlMemberAttribute>()?.Alias ?? UnderscoredNamingConvention.Instance.Apply(p.Name), StringComparer.Ordinal));

    internal override Type? ValueType(string key) => Schema.GetValueOrDefault(key)?.PropertyType;

    internal override void Set(Located<string> key, object? value) => Schema[key.Value].SetValue(this, value);
}
