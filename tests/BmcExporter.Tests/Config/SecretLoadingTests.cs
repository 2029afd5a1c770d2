using BmcExporter.Config;
using static BmcExporter.Tests.Config.ConfigTestHelpers;

namespace BmcExporter.Tests.Config;

public sealed class SecretLoadingTests
{
    [Fact]
    public void PasswordFile_TrailingNewline_IsStripped()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("bmc.pass", "topsecret\r\n");

        var config = LoadOk($"modules:\n  default:\n    user: u\n    password_file: {file}\n");

        var password = config.Modules["default"].Password;
        Assert.Equal("topsecret"u8.ToArray(), password.Span.ToArray());
        Assert.Equal($"file {file}", password.Origin);
    }

    [Fact]
    public void PasswordFile_RelativePath_ResolvesAgainstConfigDirectory()
    {
        using var dir = new TempDirectory();
        dir.Write("pw", "abc\n");
        var configFile = dir.Write("exporter.yaml", "modules:\n  default:\n    password_file: pw\n");

        var result = ConfigLoader.Load(configFile, Env());

        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal("abc"u8.ToArray(), result.Config!.Modules["default"].Password.Span.ToArray());
    }

    [Fact]
    public void PasswordFile_Missing_IsAnError()
    {
        var error = SingleError("modules:\n  default:\n    password_file: /nonexistent/pw\n");

        Assert.Equal("/etc/bmc/exporter.yaml:3 modules.default.password_file: file /nonexistent/pw does not exist", error);
    }

    [Fact]
    public void PasswordFile_WorldReadable_Warns()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("pw", "abc", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var result = Load($"modules:\n  default:\n    password_file: {file}\n");

        Assert.True(result.Success);
        Assert.Contains("is readable by every user", Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PasswordEnv_Unset_IsAnError()
    {
        var error = SingleError("modules:\n  default:\n    password_env: BMC_PW\n");

        Assert.Equal("/etc/bmc/exporter.yaml:3 modules.default.password_env: environment variable BMC_PW is not set", error);
    }

    [Fact]
    public void InlinePassword_IsAcceptedWithWarning()
    {
        var result = Load("modules:\n  default:\n    password: hunter2\n");

        Assert.True(result.Success);
        Assert.Equal("/etc/bmc/exporter.yaml:3 modules.default.password: the password is written in the config file; prefer password_file or password_env", Assert.Single(result.Warnings).ToString());
        Assert.Equal("inline", result.Config!.Modules["default"].Password.Origin);
    }

    [Fact]
    public void PasswordTooLong_ErrorDoesNotShowIt()
    {
        const string password = "abcdefghijklmnopqrstu"; // 21 bytes
        var result = Load($"modules:\n  default:\n    password: {password}\n");

        var error = Assert.Single(result.Errors).ToString();
        Assert.Equal("/etc/bmc/exporter.yaml:3 modules.default.password: the password is 21 bytes; IPMI allows at most 20", error);
        Assert.DoesNotContain(password, error, StringComparison.Ordinal);
        Assert.All(result.Warnings, w => Assert.DoesNotContain(password, w.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void TwoPasswordSources_IsAnError()
    {
        var error = SingleError("modules:\n  default:\n    password: a\n    password_env: B\n", Env(("B", "b")));

        Assert.Equal("/etc/bmc/exporter.yaml:4 modules.default.password_env: give the password only once (found password, password_env)", error);
    }

    [Fact]
    public void KgHex_Invalid_IsAnErrorWithoutTheValue()
    {
        var error = SingleError("modules:\n  default:\n    kg_hex: 0x123\n");

        Assert.Equal("/etc/bmc/exporter.yaml:3 modules.default.kg_hex: is not an even number of hex digits (optionally prefixed 0x)", error);
    }

    [Fact]
    public void KgEnv_ResolvesKeyText()
    {
        var config = LoadOk("modules:\n  default:\n    kg_env: KG\n", Env(("KG", "bmckey")));

        Assert.Equal("bmckey"u8.ToArray(), config.Modules["default"].Kg!.Span.ToArray());
        Assert.Equal("***(env KG)", config.Modules["default"].Kg!.ToString());
    }

    [Fact]
    public void ConfigToString_NeverShowsSecrets()
    {
        var config = LoadOk("modules:\n  default:\n    password: pw-value-1\n    kg_hex: \"61626364\"\notlp:\n  headers: { authorization: token-value-2 }\n");

        var text = config.ToString() + config.Modules["default"] + config.Otlp + string.Join(",", config.Otlp.Headers);
        Assert.DoesNotContain("pw-value-1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("token-value-2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("abcd", text, StringComparison.Ordinal);
    }
}
