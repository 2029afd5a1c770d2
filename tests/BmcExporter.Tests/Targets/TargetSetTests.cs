using BmcExporter.Config;
using BmcExporter.Targets;
using BmcExporter.Tests.Config;
using Microsoft.Extensions.Time.Testing;

namespace BmcExporter.Tests.Targets;

public sealed class TargetSetTests
{
    private static readonly TargetSetOptions PollOnly = new() { WatchFileSystem = false, PollInterval = TimeSpan.FromSeconds(30) };

    private static ExporterConfig Config(string directory, params string[] patterns) => ExporterConfig.Default with
    {
        Targets = [new TargetConfig { Host = "static-1" }],
        TargetFiles = patterns.Select(p => Path.Combine(directory, p)).ToList(),
    };

    [Fact]
    public void Constructor_ReadsStaticTargetsAndFilesInPathOrder()
    {
        using var dir = new TempDirectory();
        dir.Write("b.txt", "10.0.0.2\n");
        dir.Write("a.txt", "10.0.0.1\nstatic-1\n");
        using var set = new TargetSet(Config(dir.Path, "*.txt"), new FakeTimeProvider(), PollOnly);

        Assert.Equal(["static-1:623", "10.0.0.1:623", "10.0.0.2:623"], set.All.Select(t => t.Key));
        Assert.Equal(set.All, set.Owned);
        Assert.Contains("static-1:623 is already defined elsewhere", Assert.Single(set.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithKey_FindsEveryEntryOfOneKeyAndFollowsRefresh()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("fleet.txt", "10.0.0.1\n10.0.0.2:624\n");
        var config = Config(dir.Path, "fleet.txt") with
        {
            Targets = [new TargetConfig { Host = "static-1" }, new TargetConfig { Host = "static-1", Module = "other" }],
        };
        using var set = new TargetSet(config, new FakeTimeProvider(), PollOnly);

        Assert.Equal(["default", "other"], set.WithKey("static-1:623").Select(t => t.Module));
        Assert.Equal("fleet.txt", Path.GetFileName(Assert.Single(set.WithKey("10.0.0.2:624")).Origin));
        Assert.Empty(set.WithKey("10.0.0.2:623"));
        Assert.Empty(set.WithKey("STATIC-1:623"));

        File.WriteAllText(file, "10.0.0.3\n");
        Assert.True(set.Refresh());
        Assert.Empty(set.WithKey("10.0.0.1:623"));
        Assert.Single(set.WithKey("10.0.0.3:623"));
    }

    [Fact]
    public void Poll_FileChanged_RaisesChangedWithAddedAndRemoved()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("fleet.txt", "10.0.0.1\n10.0.0.2\n");
        var time = new FakeTimeProvider();
        using var set = new TargetSet(Config(dir.Path, "fleet.txt"), time, PollOnly);
        set.Start();
        var events = new List<TargetsChangedEventArgs>();
        set.Changed += (_, e) => events.Add(e);

        File.WriteAllText(file, "10.0.0.2\n10.0.0.3\n");
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(events);
        time.Advance(TimeSpan.FromSeconds(1));

        var change = Assert.Single(events);
        Assert.Equal(["10.0.0.3:623"], change.Added.Select(t => t.Key));
        Assert.Equal(["10.0.0.1:623"], change.Removed.Select(t => t.Key));
        Assert.Equal(["static-1:623", "10.0.0.2:623", "10.0.0.3:623"], set.Owned.Select(t => t.Key));
    }

    [Fact]
    public void Refresh_Unchanged_RaisesNothing()
    {
        using var dir = new TempDirectory();
        dir.Write("fleet.txt", "10.0.0.1\n");
        using var set = new TargetSet(Config(dir.Path, "fleet.txt"), new FakeTimeProvider(), PollOnly);
        var raised = 0;
        set.Changed += (_, _) => raised++;

        Assert.False(set.Refresh());
        Assert.Equal(0, raised);
    }

    [Fact]
    public void Refresh_BrokenFile_KeepsPreviousTargetsAndReportsError()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("fleet.txt", "10.0.0.1\n");
        using var set = new TargetSet(Config(dir.Path, "fleet.txt"), new FakeTimeProvider(), PollOnly);

        File.WriteAllText(file, "10.0.0.1\n10.0.0.2 nosuchmodule\n");
        Assert.False(set.Refresh());

        Assert.Equal(["static-1:623", "10.0.0.1:623"], set.Owned.Select(t => t.Key));
        Assert.Equal($"{file}:2: the module named in the second word is not defined (modules: default)", Assert.Single(set.Errors).ToString());

        File.WriteAllText(file, "10.0.0.2\n");
        Assert.True(set.Refresh());
        Assert.Empty(set.Errors);
        Assert.Equal(["static-1:623", "10.0.0.2:623"], set.Owned.Select(t => t.Key));
    }

    [Fact]
    public void Refresh_GlobMatchRemoved_DropsItsTargets()
    {
        using var dir = new TempDirectory();
        dir.Write("a.txt", "10.0.0.1\n");
        var b = dir.Write("b.txt", "10.0.0.2\n");
        using var set = new TargetSet(Config(dir.Path, "*.txt"), new FakeTimeProvider(), PollOnly);

        File.Delete(b);
        set.Refresh();

        Assert.Equal(["static-1:623", "10.0.0.1:623"], set.Owned.Select(t => t.Key));
        Assert.Empty(set.Errors);
    }

    [Fact]
    public void Refresh_LiteralFileMissing_KeepsLastTargetsAndReportsIt()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("fleet.txt", "10.0.0.1\n");
        using var set = new TargetSet(Config(dir.Path, "fleet.txt"), new FakeTimeProvider(), PollOnly);

        File.Delete(file);
        set.Refresh();

        Assert.Equal(["static-1:623", "10.0.0.1:623"], set.Owned.Select(t => t.Key));
        Assert.Equal($"{file}: target file does not exist", Assert.Single(set.Errors).ToString());
    }

    [Fact]
    public void UpdateConfig_NewSharding_FiltersOwnedTargets()
    {
        using var dir = new TempDirectory();
        dir.Write("fleet.txt", string.Join('\n', Enumerable.Range(1, 40).Select(i => $"10.0.1.{i}")));
        var config = Config(dir.Path, "fleet.txt");
        using var set = new TargetSet(config, new FakeTimeProvider(), PollOnly);
        TargetsChangedEventArgs? change = null;
        set.Changed += (_, e) => change = e;

        set.UpdateConfig(config with { Sharding = new ShardingConfig { Shard = 0, Shards = 2 } });

        Assert.Equal(41, set.All.Count);
        Assert.All(set.Owned, t => Assert.Equal(0, ShardAssigner.ShardOf(t.Key, 2)));
        Assert.InRange(set.Owned.Count, 10, 31);
        Assert.Equal(41 - set.Owned.Count, change!.Removed.Count);
    }

    [Fact]
    public void Watcher_FileRewritten_RefreshesAfterDebounce()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("fleet.txt", "10.0.0.1\n");
        using var watched = new Watched(dir, "fleet.txt", 50);
        var (set, changed) = (watched.Set, watched.Changed);

        File.WriteAllText(file, "10.0.0.1\n10.0.0.5\n");

        Assert.True(changed.Wait(TimeSpan.FromSeconds(10)), "no change event within 10 s of rewriting the file");
        Assert.Contains(set.Owned, t => t.Key == "10.0.0.5:623");
    }

    // Another file written in the same directory (a log, an editor's swap file) every 50 ms used to push the debounce
    // back on every write, so the reload waited for the next poll. The noise runs until the change is seen (at most
    // 20 s): the assertion is that the change arrives while it still runs, not how fast.
    [Fact]
    public void Watcher_OtherFileInTheDirectoryWrittenConstantly_DoesNotHoldTheReloadBack()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("fleet.txt", "10.0.0.1\n");
        var noise = Path.Combine(dir.Path, "exporter.log");
        using var watched = new Watched(dir, "fleet.txt", 300);
        var (set, changed) = (watched.Set, watched.Changed);

        File.WriteAllText(file, "10.0.0.1\n10.0.0.5\n");
        var seenWhileNoisy = false;
        for (var i = 0; i < 400 && !seenWhileNoisy; i++)
        {
            File.AppendAllText(noise, $"line {i}\n");
            seenWhileNoisy = changed.Wait(TimeSpan.FromMilliseconds(50));
        }

        Assert.True(seenWhileNoisy, "the reload waited for the writes to another file to stop");
        Assert.Contains(set.Owned, t => t.Key == "10.0.0.5:623");
    }

    // A target file rewritten every 50 ms (a generator that never pauses) is reloaded within ten debounce periods of
    // the first write, not only once the writes stop; the writes stop at the first reload or after 20 s.
    [Fact]
    public void Watcher_TargetFileRewrittenConstantly_ReloadsWithoutWaitingForQuiet()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("fleet.txt", "10.0.0.1\n");
        using var watched = new Watched(dir, "fleet.txt", 200);
        var (set, changed) = (watched.Set, watched.Changed);

        var reloadedWhileWriting = false;
        for (var i = 0; i < 400 && !reloadedWhileWriting; i++)
        {
            File.WriteAllText(file, $"10.0.0.1\n10.0.1.{i % 200 + 1}\n");
            reloadedWhileWriting = changed.Wait(TimeSpan.FromMilliseconds(50));
        }

        Assert.True(reloadedWhileWriting, "no reload while the file kept being rewritten");
        Assert.Equal(3, set.Owned.Count);
    }

    // Kubernetes updates a mounted ConfigMap by swapping the "..data" link: the file's own name sees no event.
    [Fact]
    public void Watcher_KubernetesAtomicSwap_Reloads()
    {
        using var dir = new TempDirectory();
        var v1 = Directory.CreateDirectory(Path.Combine(dir.Path, "..v1")).FullName;
        var v2 = Directory.CreateDirectory(Path.Combine(dir.Path, "..v2")).FullName;
        File.WriteAllText(Path.Combine(v1, "fleet.txt"), "10.0.0.1\n");
        File.WriteAllText(Path.Combine(v2, "fleet.txt"), "10.0.0.1\n10.0.0.7\n");
        var data = Path.Combine(dir.Path, "..data");
        File.CreateSymbolicLink(data, "..v1");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "fleet.txt"), Path.Combine("..data", "fleet.txt"));
        using var watched = new Watched(dir, "fleet.txt", 50);
        var (set, changed) = (watched.Set, watched.Changed);
        Assert.DoesNotContain(set.Owned, t => t.Key == "10.0.0.7:623");

        var temp = Path.Combine(dir.Path, "..data_tmp");
        File.CreateSymbolicLink(temp, "..v2");
        Assert.Equal(0, Rename(temp, data)); // rename(2), as kubelet's atomic writer: File.Move would follow the link

        Assert.True(changed.Wait(TimeSpan.FromSeconds(10)), "no change event within 10 s of the ..data swap");
        Assert.Contains(set.Owned, t => t.Key == "10.0.0.7:623");
    }

    [Fact]
    public void Refresh_DepthBombInAWatchedFile_KeepsThePreviousTargets()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("fleet.yaml", "targets: [10.0.0.1, 10.0.0.2]\n");
        using var set = new TargetSet(Config(dir.Path, "fleet.yaml"), new FakeTimeProvider(), PollOnly);

        File.WriteAllText(file, "targets: " + new string('[', 40_000));
        Assert.False(set.Refresh());

        Assert.Equal(["static-1:623", "10.0.0.1:623", "10.0.0.2:623"], set.Owned.Select(t => t.Key));
        Assert.Equal($"{file}:1: the document is nested more than 64 levels deep", Assert.Single(set.Errors).ToString());
    }

    [Fact]
    public void Refresh_NonUtf8File_KeepsThePreviousTargets()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("fleet.txt", "10.0.0.1\n");
        using var set = new TargetSet(Config(dir.Path, "fleet.txt"), new FakeTimeProvider(), PollOnly);

        File.WriteAllBytes(file, [.. "10.0.0.1\nbmc-"u8, 0xFF, .. "\n"u8]);
        set.Refresh();

        Assert.Equal(["static-1:623", "10.0.0.1:623"], set.Owned.Select(t => t.Key));
        Assert.Equal($"{file}:2: the target file is not valid UTF-8 (byte 0xFF); save it as UTF-8", Assert.Single(set.Errors).ToString());
    }

    [Fact]
    public void Constructor_GlobMatchingAFileThatIsNoTargetFile_ReportsItWithoutItsContent()
    {
        using var dir = new TempDirectory();
        dir.Write("a.conf", "10.0.0.1\n");
        dir.Write("z.conf", "password = hunter2\nuser = admin\n");
        using var set = new TargetSet(Config(dir.Path, "*.conf"), new FakeTimeProvider(), PollOnly);

        Assert.Equal(["static-1:623", "10.0.0.1:623"], set.Owned.Select(t => t.Key));
        var error = Assert.Single(set.Errors).ToString();
        Assert.StartsWith(Path.Combine(dir.Path, "z.conf") + ":1: is not a valid target file", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
        Assert.DoesNotContain("admin", error, StringComparison.Ordinal);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int Rename(string oldPath, string newPath);

    /// <summary>A started set watching <c>pattern</c> in <c>dir</c> (polling hourly), and an event set on its first change.</summary>
    private sealed class Watched : IDisposable
    {
        public Watched(TempDirectory dir, string pattern, int debounceMilliseconds)
        {
            var options = new TargetSetOptions { WatchFileSystem = true, PollInterval = TimeSpan.FromHours(1), Debounce = TimeSpan.FromMilliseconds(debounceMilliseconds) };
            Set = new TargetSet(Config(dir.Path, pattern), TimeProvider.System, options);
            Set.Changed += (_, _) => Changed.Set();
            Set.Start();
        }

        public TargetSet Set { get; }

        public ManualResetEventSlim Changed { get; } = new();

        public void Dispose()
        {
            Set.Dispose();
            Changed.Dispose();
        }
    }
}
