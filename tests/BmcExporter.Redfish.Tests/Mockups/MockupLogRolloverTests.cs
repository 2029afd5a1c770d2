using System.Text.Json.Nodes;
using BmcExporter.Redfish.Logs;
using BmcExporter.Simulator.Redfish;

namespace BmcExporter.Redfish.Tests.Mockups;

/// <summary>
/// A WrapsWhenFull LogService that wrapped between two reads, over real HTTPS: public-rackmount1's SEL (Log1, two
/// entries) is read once, then a copy of the mockup whose log has wrapped (both entries overwritten by two newer ones,
/// the log as full as before) is served, and the persisted cursor from the first read is used on it.
/// </summary>
public sealed class MockupLogRolloverTests
{
    [Fact]
    public async Task ReadLog_WrappedPastTheCursor_RolloverDetectedAndSurvivorsDeliveredOnce()
    {
        var original = Paths.Mockup("public-rackmount1");
        var wrapped = Copy(original);
        try
        {
            const string entries = "Systems/437XR1138R2/LogServices/Log1/Entries";
            var collectionFile = Path.Combine(wrapped, entries, "index.json");
            var collection = JsonNode.Parse(File.ReadAllText(collectionFile))!.AsObject();
            var old = collection["Members"]!.AsArray().Select(m => m!.AsObject()).ToList();
            var last = old.Max(m => DateTimeOffset.Parse(m["Created"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
            var members = new JsonArray();
            foreach (var (m, i) in old.Select((m, i) => (m, i)))
            {
                var id = (old.Count + i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var entry = m.DeepClone().AsObject();
                entry["@odata.id"] = $"/redfish/v1/{entries}/{id}";
                entry["Id"] = id;
                entry["Name"] = $"Log Entry {id}";
                entry["Created"] = last.AddHours(i + 1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
                Directory.Delete(Path.Combine(wrapped, entries, m["Id"]!.GetValue<string>()), recursive: true);
                Directory.CreateDirectory(Path.Combine(wrapped, entries, id));
                File.WriteAllText(Path.Combine(wrapped, entries, id, "index.json"), entry.ToJsonString());
                members.Add(entry.DeepClone());
            }

            collection["Members"] = members;
            File.WriteAllText(collectionFile, collection.ToJsonString());

            RedfishLogCursor cursor;
            await using (var before = await TestFleet.StartAsync(new RedfishServerOptions { MockupDirectory = original }))
            await using (var session = RedfishSession.Create(before.Options()))
            {
                var reader = new RedfishReader(session);
                var sel = (await reader.ReadLogServicesAsync(CancellationToken.None)).Single(s => s.Uri.EndsWith("/Log1", StringComparison.Ordinal));
                var first = await reader.ReadLogAsync(sel, null, CancellationToken.None);
                Assert.Equal(old.Select(m => m["Id"]!.GetValue<string>()), first.NewEntries.Select(e => e.Id));
                cursor = RedfishLogCursor.FromJson(first.Cursor.ToJson()); // persisted and loaded, as the exporter does
            }

            await using var after = await TestFleet.StartAsync(new RedfishServerOptions { MockupDirectory = wrapped });
            await using var next = RedfishSession.Create(after.Options());
            var nextReader = new RedfishReader(next);
            var log = (await nextReader.ReadLogServicesAsync(CancellationToken.None)).Single(s => s.Uri.EndsWith("/Log1", StringComparison.Ordinal));
            var read = await nextReader.ReadLogAsync(log, cursor, CancellationToken.None);

            Assert.True(read.RolloverDetected);
            Assert.False(read.ClearDetected);
            Assert.Equal(members.Select(m => m!["Id"]!.GetValue<string>()), read.NewEntries.Select(e => e.Id));
            var again = await nextReader.ReadLogAsync(log, read.Cursor, CancellationToken.None);
            Assert.Empty(again.NewEntries);
            Assert.False(again.RolloverDetected || again.ClearDetected);
        }
        finally
        {
            Directory.Delete(wrapped, recursive: true);
        }
    }

    private static string Copy(string source)
    {
        var target = Path.Combine(Path.GetTempPath(), "mockup-rollover-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return target;
    }
}
