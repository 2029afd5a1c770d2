using System.Text;
using BmcExporter.Config;
using static BmcExporter.Tests.Config.ConfigTestHelpers;

namespace BmcExporter.Tests.Config;

/// <summary>Hostile or broken files give one located sentence, never a crash, a hang or a silent misreading.</summary>
public sealed class YamlRobustnessTests
{
    private const string F = "/etc/bmc/exporter.yaml";

    public static TheoryData<string, string> Bombs => new()
    {
        { new string('[', 100_000), F + ":1: the document is nested more than 64 levels deep" },
        { new string('{', 100_000), F + ":1: the document is nested more than 64 levels deep" },
        { "targets: " + new string('[', 100_000) + new string(']', 100_000), F + ":1: the document is nested more than 64 levels deep" },
        { "modules: " + string.Concat(Enumerable.Repeat("{a: ", 100_000)) + "1" + new string('}', 100_000), F + ":1: the document is nested more than 64 levels deep" },
        { string.Concat(Enumerable.Range(0, 100).Select(i => new string(' ', i) + "a:\n")), F + ":65: the document is nested more than 64 levels deep" },
    };

    [Theory]
    [MemberData(nameof(Bombs))]
    public void DepthBomb_IsALocatedError(string yaml, string expected)
    {
        Assert.Equal(expected, SingleError(yaml));
    }

    [Fact]
    public void NestingWithinTheLimit_IsReadNormally()
    {
        var error = SingleError("modules:\n  default:\n    labels: " + new string('[', 60) + new string(']', 60) + "\n");

        Assert.Equal(F + ":3 modules.default.labels: must be a mapping (key: value pairs)", error);
    }

    [Theory]
    [InlineData("targets: [\n  10.0.0.1,\n  10.0.0.2\n", F + ":1: this '[' is never closed: no matching ']' before line 4")]
    [InlineData("modules: {default: {user: a}\nscrape: {}\n", F + ":1: this '{' is never closed: no matching '}' before line 3")]
    [InlineData("targets: [", F + ":1: this '[' is never closed: no matching ']' before line 2")]
    public void UnclosedBracket_IsReportedWhereItOpens(string yaml, string expected)
    {
        Assert.Equal(expected, SingleError(yaml));
    }

    [Fact]
    public void TabInIndentation_IsReportedOnItsOwnLine()
    {
        Assert.Equal(F + ":4: a tab is used for indentation; YAML indents with spaces only", SingleError("scrape:\n  interval: 1m\nmodules:\n\tdefault: {}\n"));
        Assert.Equal(F + ":4: a tab is used for indentation; YAML indents with spaces only", SingleError("modules:\n  default:\n    user: a\n\tpass: b\n"));
    }

    [Fact]
    public void SecondDocument_IsAnError()
    {
        Assert.Equal(F + ":2: the file holds more than one YAML document (a second '---'); only one is read", SingleError("scrape: {}\n---\nmodules: {}\n"));
    }

    [Fact]
    public void NonUtf8File_IsRejectedWithItsLine()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "exporter.yaml");
        File.WriteAllBytes(file, [.. "modules:\n  default:\n    password: "u8, 0xE9, .. "t\xE9\n"u8]);

        var result = ConfigLoader.Load(file, Env());

        Assert.Equal($"{file}:3: the config file is not valid UTF-8 (byte 0xE9); save it as UTF-8", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Utf16File_IsNamedAsSuch()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "exporter.yaml");
        File.WriteAllBytes(file, Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("scrape: {}\n")).ToArray());

        var error = Assert.Single(ConfigLoader.Load(file, Env()).Errors).ToString();

        Assert.Equal($"{file}:1: the config file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8", error);
    }

    [Fact]
    public void Utf8Bom_IsFine()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "exporter.yaml");
        File.WriteAllBytes(file, [.. Encoding.UTF8.GetPreamble(), .. "listen_address: \":9300\"\n"u8]);

        var result = ConfigLoader.Load(file, Env());

        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal(":9300", result.Config!.ListenAddress);
    }

    [Fact]
    public void ManyNodes_AreBoundedToo()
    {
        var yaml = "targets: [" + string.Join(",", Enumerable.Repeat("a", 1_000_001)) + "]\n";

        Assert.Equal(F + ":1: the file has more than 1,000,000 YAML nodes", SingleError(yaml));
    }

    [Fact]
    public void MergeExplosion_IsBoundedByTheMergingParser()
    {
        // Each level merges the previous one twice over: 2^30 pairs if nothing stopped it.
        var yaml = new StringBuilder("l0: &l0 {a: 1, b: 2}\n");
        for (var i = 1; i <= 30; i++)
        {
            yaml.Append(CultureInfo(i)).Append('\n');
        }

        var error = SingleError(yaml.ToString());
        Assert.Contains("invalid YAML: Too many parsing events", error, StringComparison.Ordinal);

        static string CultureInfo(int i) => $"l{i}: &l{i} {{<<: [*l{i - 1}, *l{i - 1}], k{i}: {i}}}";
    }

    [Fact]
    public void RandomBytes_OnlyEverGiveDiagnostics()
    {
        var random = new Random(1234);
        var alphabet = "{}[]:-,&*!|>'\"#%@`?\t\n  abc01<<";
        for (var i = 0; i < 2_000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(1, 120)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var result = Load(text);

            Assert.True(result.Success || result.Errors.Count > 0);
            Assert.DoesNotContain(result.Errors, e => e.Message.Contains("report this as a bug", StringComparison.Ordinal));
        }
    }
}
