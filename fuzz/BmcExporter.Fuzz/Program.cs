using BmcExporter.Fuzz;
using SharpFuzz;

// Fuzz harness for the IPMI decoders (docs/fuzzing.md):
//   list                         target names
//   seed DIR                     writes each target's seed inputs to DIR/NAME/ (the committed corpus)
//   instrument DLL...            adds SharpFuzz coverage instrumentation to the BmcExporter.Ipmi* types of DLLs
//   afl TARGET                   runs under afl-fuzz (SharpFuzz fork server, persistent mode)
//   replay TARGET PATH...        runs files or folders of inputs once each; exit 1 on any crash
return args switch
{
    ["list"] => List(),
    ["seed", var dir] => Seed(dir),
    ["instrument", .. var dlls] when dlls.Length > 0 => Instrument(dlls),
    ["afl", var name] => Afl(name),
    ["replay", var name, .. var paths] when paths.Length > 0 => Replay(name, paths),
    _ => Usage(),
};

static int List()
{
    Console.WriteLine("all");
    foreach (var target in FuzzTargets.All)
    {
        Console.WriteLine(target.Name);
    }

    return 0;
}

static int Seed(string dir)
{
    IFuzzTarget[] targets = [FuzzTargets.Find("all"), .. FuzzTargets.All];
    foreach (var target in targets)
    {
        var folder = Directory.CreateDirectory(Path.Combine(dir, target.Name));
        var i = 0;
        foreach (var seed in target.Seeds())
        {
            File.WriteAllBytes(Path.Combine(folder.FullName, $"seed-{i++:D3}"), seed);
        }

        Console.WriteLine($"{target.Name}: {i} seed(s)");
    }

    return 0;
}

static int Instrument(string[] dlls)
{
    foreach (var dll in dlls)
    {
        var types = Fuzzer.Instrument(dll, type => type.StartsWith("BmcExporter.Ipmi", StringComparison.Ordinal), Options.Value);
        Console.WriteLine($"{dll}: {types.Count()} type(s) instrumented");
    }

    return 0;
}

static int Afl(string name)
{
    var target = FuzzTargets.Find(name);
    var buffer = new MemoryStream();
    Fuzzer.Run(stream =>
    {
        buffer.SetLength(0);
        stream.CopyTo(buffer);
        if (!FuzzTargets.TryRun(target, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), out var crash))
        {
            // Rethrown so the fork server reports a crash to afl-fuzz.
            throw new InvalidOperationException($"{target.Name}: {crash!.GetType().Name}: {crash.Message}", crash);
        }
    });
    return 0;
}

static int Replay(string name, string[] paths)
{
    var target = FuzzTargets.Find(name);
    var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : [p]).Order(StringComparer.Ordinal).ToList();
    var crashes = 0;
    foreach (var file in files)
    {
        if (!FuzzTargets.TryRun(target, File.ReadAllBytes(file), out var crash))
        {
            crashes++;
            Console.Error.WriteLine($"CRASH {file}: {crash!.GetType().Name}: {crash.Message}");
        }
    }

    Console.WriteLine($"{target.Name}: {files.Count} input(s), {crashes} crash(es)");
    return crashes == 0 ? 0 : 1;
}

static int Usage()
{
    Console.Error.WriteLine("usage: BmcExporter.Fuzz list | seed DIR | instrument DLL... | afl TARGET | replay TARGET PATH...");
    return 2;
}
