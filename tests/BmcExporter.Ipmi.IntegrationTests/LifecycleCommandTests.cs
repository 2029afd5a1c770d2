using System.Globalization;
using System.Text.RegularExpressions;
using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.IntegrationTests.Sim;
using BmcExporter.Ipmi.IntegrationTests.Tools;
using Xunit.Abstractions;

namespace BmcExporter.Ipmi.IntegrationTests;

/// <summary>
/// The lifecycle commands (restart cause, POH counter, self test, SEL time) against ipmi_sim, each cross-checked with
/// the ipmitool command that reports the same fact. Where ipmi_sim does not implement a command, ipmitool must fail
/// on it too (the exporter then leaves the series out, tested in BmcExporter.Tests OptionalCommandTests).
/// </summary>
[Collection(IpmiSimCollection.Name)]
[Trait("Category", "Integration")]
public sealed partial class LifecycleCommandTests(IpmiSimFixture sim, ITestOutputHelper output)
{
    [Fact]
    public async Task SelTime_IpmiSim_MatchesIpmitoolSelTimeGet()
    {
        var ct = CancellationToken.None;
        await using IpmiSession session = await ClientFactory.OpenReaderAsync(sim, ct);
        var response = await session.SendAsync(GetSelTime.CreateRequest(), ct);
        var tool = await TryIpmitoolAsync("sel", "time", "get");

        Assert.True(response.IsOk, $"ipmi_sim answered Get SEL Time with 0x{response.CompletionCode:X2}");
        var ours = GetSelTime.DecodeResponse(response.Data.Span);
        Assert.NotNull(tool);
        output.WriteLine($"Get SEL Time 0x{ours:X8}; ipmitool sel time get: {tool.Trim()}");
        // IPMI v2.0 §37: values up to 0x20000000 count seconds since the BMC started (its clock was never set);
        // ipmitool prints those as "S+ HH:MM:SS" (ipmi_sim's SEL clock is of that kind), others as a UTC date.
        var text = tool.Trim();
        double theirs = text.StartsWith("S+ ", StringComparison.Ordinal)
            ? TimeSpan.ParseExact(text[3..], @"hh\:mm\:ss", CultureInfo.InvariantCulture).TotalSeconds
            : DateTimeOffset.ParseExact(text, "MM/dd/yy HH:mm:ss 'UTC'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUnixTimeSeconds();
        Assert.Equal(ours <= 0x20000000u, text.StartsWith("S+ ", StringComparison.Ordinal));
        // Two reads of a one-second clock, seconds apart at most.
        Assert.InRange(theirs - ours, -1, 30);
    }

    [Fact]
    public async Task RestartCause_IpmiSim_AgreesWithIpmitool()
    {
        var ct = CancellationToken.None;
        await using IpmiSession session = await ClientFactory.OpenReaderAsync(sim, ct);
        var response = await session.SendAsync(GetSystemRestartCause.CreateRequest(), ct);
        var tool = await TryIpmitoolAsync("chassis", "restart_cause");
        output.WriteLine($"Get System Restart Cause cc 0x{response.CompletionCode:X2}; ipmitool: {tool ?? "(failed)"}");

        if (!response.IsOk)
        {
            Assert.True(tool is null || !tool.Contains("System restart cause", StringComparison.Ordinal), $"ipmitool read a cause where we got 0x{response.CompletionCode:X2}: {tool}");
            return;
        }

        var (cause, _) = GetSystemRestartCause.DecodeResponse(response.Data.Span);
        Assert.NotNull(tool);
        // ipmitool prints the spec's wording with spaces ("power button"); our label is its snake case.
        var printed = RestartCauseLine().Match(tool).Groups[1].Value.Trim();
        Assert.Equal(GetSystemRestartCause.Name(cause), printed.Replace(' ', '_').Replace("-", "_", StringComparison.Ordinal).ToLowerInvariant());
    }

    [Fact]
    public async Task PohCounter_IpmiSim_AgreesWithIpmitool()
    {
        var ct = CancellationToken.None;
        await using IpmiSession session = await ClientFactory.OpenReaderAsync(sim, ct);
        var response = await session.SendAsync(GetPohCounter.CreateRequest(), ct);
        var tool = await TryIpmitoolAsync("chassis", "poh");
        output.WriteLine($"Get POH Counter cc 0x{response.CompletionCode:X2}; ipmitool: {tool ?? "(failed)"}");

        if (!response.IsOk)
        {
            Assert.True(tool is null || !tool.Contains("POH Counter", StringComparison.Ordinal), $"ipmitool read a POH counter where we got 0x{response.CompletionCode:X2}: {tool}");
            return;
        }

        var hours = GetPohCounter.DecodeResponse(response.Data.Span).TotalHours;
        Assert.NotNull(tool);
        // ipmitool prints "POH Counter  : D days, H hours".
        var match = PohLine().Match(tool);
        var printed = (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * 24) + int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        Assert.Equal(Math.Floor(hours), printed);
    }

    [Fact]
    public async Task SelfTest_IpmiSim_AgreesWithIpmitool()
    {
        var ct = CancellationToken.None;
        await using IpmiSession session = await ClientFactory.OpenReaderAsync(sim, ct);
        var response = await session.SendAsync(GetSelfTestResults.CreateRequest(), ct);
        var tool = await TryIpmitoolAsync("mc", "selftest");
        output.WriteLine($"Get Self Test Results cc 0x{response.CompletionCode:X2}; ipmitool: {tool ?? "(failed)"}");

        if (!response.IsOk)
        {
            Assert.True(tool is null || !tool.Contains("Selftest:", StringComparison.Ordinal), $"ipmitool read a self test where we got 0x{response.CompletionCode:X2}: {tool}");
            return;
        }

        var (result, _) = GetSelfTestResults.DecodeResponse(response.Data.Span);
        Assert.NotNull(tool);
        var printed = SelfTestLine().Match(tool).Groups[1].Value.Trim();
        // ipmitool: "passed", "not implemented", "device corrupted", "Fatal hardware error", else "Device-specific failure".
        var expected = GetSelfTestResults.Name(result) switch
        {
            "passed" => "passed",
            "not_implemented" => "not implemented",
            "corrupted_data_or_device" => "device corrupted",
            "fatal_hardware_error" => "fatal hardware error",
            _ => "device-specific failure",
        };
        Assert.Equal(expected, printed.ToLowerInvariant());
    }

    private async Task<string?> TryIpmitoolAsync(params string[] command)
    {
        try
        {
            return await Ipmitool.RunAsync(sim, CancellationToken.None, command);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"System restart cause:\s*(.+)")]
    private static partial Regex RestartCauseLine();

    [GeneratedRegex(@"POH Counter\s*:\s*(\d+) days, (\d+) hours")]
    private static partial Regex PohLine();

    [GeneratedRegex(@"Selftest:\s*(.+)")]
    private static partial Regex SelfTestLine();
}
