using System.Text.Json.Nodes;
using BmcExporter.Redfish.Model;
using BmcExporter.Simulator.Redfish;

namespace BmcExporter.Redfish.Tests.Mockups;

/// <summary>
/// System power from DMTF mockups whose Power resource has several PowerControl members. Neither shipped mockup has
/// more than one, so each case copies a mockup and rewrites its system member into the shapes services use: PSU
/// groups, power domains, the system member among part members, parts only. The parts are cut from the mockup's own
/// system member, so every expected figure comes from the mockup file, and the copy is served as-is.
/// </summary>
public sealed class MockupPowerControlTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var mockup in new[] { "public-rackmount1", "public-tower" })
        {
            foreach (var shape in new[] { "psu-groups", "domains", "whole-among-parts", "parts-only" })
            {
                data.Add(mockup, shape);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ReadSystemPower_SeveralPowerControlMembers_SystemFigureCountedOnce(string mockup, string shape)
    {
        var directory = Copy(Paths.Mockup(mockup));
        try
        {
            var chassis = MockupChassis(directory);
            var powerFile = Path.Combine(directory, "Chassis", chassis, "Power", "index.json");
            var power = JsonNode.Parse(File.ReadAllText(powerFile))!.AsObject();
            var system = power["PowerControl"]!.AsArray().Single()!.AsObject(); // the mockup's one member: the system
            var watts = system["PowerConsumedWatts"]!.GetValue<double>();
            var metrics = system["PowerMetrics"]!.AsObject();
            var average = metrics["AverageConsumedWatts"]!.GetValue<double>();
            var interval = TimeSpan.FromMinutes(metrics["IntervalInMin"]!.GetValue<double>());
            var partA = Math.Round(watts * 0.55);
            var averageA = Math.Round(average * 0.55);
            var uri = $"/redfish/v1/Chassis/{chassis}/Power";
            JsonObject Member(int id, string name, string? context, double value, double? avg = null, JsonArray? related = null)
            {
                var m = new JsonObject { ["@odata.id"] = $"{uri}#/PowerControl/{id}", ["MemberId"] = $"{id}", ["Name"] = name };
                if (context is not null)
                {
                    m["PhysicalContext"] = context;
                }

                m["PowerConsumedWatts"] = value;
                if (avg is { } a)
                {
                    m["PowerMetrics"] = new JsonObject { ["IntervalInMin"] = interval.TotalMinutes, ["MinConsumedWatts"] = 1, ["MaxConsumedWatts"] = 9999, ["AverageConsumedWatts"] = a };
                }

                if (related is not null)
                {
                    m["RelatedItem"] = related;
                }

                return m;
            }

            var cpu = Member(7, "CPU Power", "CPU", Math.Round(watts * 0.3));
            var memory = Member(8, "Memory Power", "Memory", Math.Round(watts * 0.1));
            power["PowerControl"] = shape switch
            {
                "psu-groups" => new JsonArray(Member(0, "PSU Group A", "PowerSupply", partA, averageA), cpu, Member(1, "PSU Group B", "PowerSupply", watts - partA, average - averageA)),
                "domains" => new JsonArray(Member(0, "Domain 1", null, partA), Member(1, "Domain 2", null, watts - partA), Member(2, "PS1 Input", "PowerSupply", watts + 15), memory),
                "whole-among-parts" => new JsonArray(cpu, Member(1, "PS1 Input", "PowerSupply", watts + 15), system.DeepClone(), memory),
                "parts-only" => new JsonArray(cpu, memory),
                _ => throw new ArgumentOutOfRangeException(nameof(shape)),
            };
            File.WriteAllText(powerFile, power.ToJsonString());

            await using var fleet = await TestFleet.StartAsync(new RedfishServerOptions { MockupDirectory = directory });
            await using var session = RedfishSession.Create(fleet.Options());
            var reader = new RedfishReader(session);
            var read = await reader.ReadSystemPowerAsync(await reader.ReadReadingsAsync(CancellationToken.None), CancellationToken.None);

            Assert.NotNull(read);
            switch (shape)
            {
                case "psu-groups": // current and average summed; no min/max for a sum
                    Assert.Equal((watts, (double?)null, (double?)null, average, interval), (read.ConsumedWatts!.Value, read.MinConsumedWatts, read.MaxConsumedWatts, read.AverageConsumedWatts!.Value, read.Interval!.Value));
                    break;
                case "domains": // the domains, not the PSU input member as well
                    Assert.Equal(watts, read.ConsumedWatts);
                    Assert.Equal($"{uri}#/PowerControl/0,1", read.Source);
                    break;
                case "whole-among-parts": // the mockup's member alone, with its statistics
                    Assert.Equal(system["@odata.id"]!.GetValue<string>(), read.Source);
                    Assert.Equal(watts, read.ConsumedWatts);
                    Assert.Equal(metrics["MinConsumedWatts"]!.GetValue<double>(), read.MinConsumedWatts);
                    Assert.Equal(metrics["MaxConsumedWatts"]!.GetValue<double>(), read.MaxConsumedWatts);
                    break;
                default: // parts only: the chassis' EnvironmentMetrics PowerWatts, as the mockup gives it
                    var env = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "Chassis", chassis, "EnvironmentMetrics", "index.json")))!;
                    Assert.Equal($"/redfish/v1/Chassis/{chassis}/EnvironmentMetrics#/PowerWatts", read.Source);
                    Assert.Equal(env["PowerWatts"]!["Reading"]!.GetValue<double>(), read.ConsumedWatts);
                    Assert.Null(read.AverageConsumedWatts);
                    break;
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The mockup's one chassis with a Power resource.</summary>
    private static string MockupChassis(string directory) =>
        Directory.EnumerateDirectories(Path.Combine(directory, "Chassis")).Single(d => File.Exists(Path.Combine(d, "Power", "index.json"))).Split(Path.DirectorySeparatorChar)[^1];

    private static string Copy(string source)
    {
        var target = Path.Combine(Path.GetTempPath(), "mockup-power-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return target;
    }
}
