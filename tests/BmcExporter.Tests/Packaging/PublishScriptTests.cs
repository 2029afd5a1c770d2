namespace BmcExporter.Tests.Packaging;

/// <summary>
/// The release path of the README: <c>scripts/publish.sh</c> makes a self-contained single-file build for linux-x64
/// and linux-arm64, packed with the systemd unit and the example config; the unpacked x64 binary runs without an
/// installed runtime, the arm64 one is an AArch64 ELF executable.
/// </summary>
[Trait("Category", "Integration")]
[Collection(DotnetBuildCollection.Name)]
public sealed class PublishScriptTests
{
    [Fact]
    public async Task PublishScript_LinuxX64_SingleFileBinaryPrintsItsVersion()
    {
        var root = Path.Combine(Path.GetTempPath(), "bmc-exporter-publish-" + Guid.NewGuid().ToString("N"));
        try
        {
            var output = await ExternalTool.RunLongSuccessfullyAsync(Path.Combine(PackagingPaths.RepoRoot, "scripts", "publish.sh"), [Path.Combine(root, "out"), "linux-x64"]);
            var tarball = output.Trim().Split('\n')[^1];
            Assert.Equal(Path.Combine(root, "out", "bmc-exporter-0.1.0-linux-x64.tar.gz"), tarball);
            var unpacked = Path.Combine(root, "unpacked");
            Directory.CreateDirectory(unpacked);
            await ExternalTool.RunLongSuccessfullyAsync("tar", ["-xzf", tarball, "-C", unpacked]);
            var dir = Path.Combine(unpacked, "bmc-exporter-0.1.0-linux-x64");
            Assert.True(File.Exists(Path.Combine(dir, "bmc-exporter.service")));
            Assert.True(File.Exists(Path.Combine(dir, "exporter.yaml.example")));
            Assert.Empty(Directory.GetFiles(dir, "*.dll"));
            Assert.Empty(Directory.GetFiles(dir, "*.so"));

            // DOTNET_ROOT pointing nowhere: a self-contained single file carries its own runtime and never looks.
            var version = await ExternalTool.RunLongSuccessfullyAsync(Path.Combine(dir, "bmc-exporter"), ["--version"], new Dictionary<string, string?> { ["DOTNET_ROOT"] = Path.Combine(root, "no-dotnet-here") });

            Assert.StartsWith("bmc-exporter 0.1.0", version, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [Fact]
    public async Task PublishScript_LinuxArm64_SingleFileAArch64Executable()
    {
        // This machine cannot run an arm64 binary: the test checks what it can, the ELF header of the one file.
        var root = Path.Combine(Path.GetTempPath(), "bmc-exporter-publish-" + Guid.NewGuid().ToString("N"));
        try
        {
            var output = await ExternalTool.RunLongSuccessfullyAsync(Path.Combine(PackagingPaths.RepoRoot, "scripts", "publish.sh"), [Path.Combine(root, "out"), "linux-arm64"]);
            var tarball = output.Trim().Split('\n')[^1];
            Assert.Equal(Path.Combine(root, "out", "bmc-exporter-0.1.0-linux-arm64.tar.gz"), tarball);
            var unpacked = Path.Combine(root, "unpacked");
            Directory.CreateDirectory(unpacked);
            await ExternalTool.RunLongSuccessfullyAsync("tar", ["-xzf", tarball, "-C", unpacked]);
            var dir = Path.Combine(unpacked, "bmc-exporter-0.1.0-linux-arm64");
            Assert.True(File.Exists(Path.Combine(dir, "bmc-exporter.service")));
            Assert.Empty(Directory.GetFiles(dir, "*.dll"));
            Assert.Empty(Directory.GetFiles(dir, "*.so"));

            // ELF (7F 'E' 'L' 'F'), 64-bit (EI_CLASS 2), e_machine EM_AARCH64 = 183 at offset 18, little-endian.
            var header = new byte[20];
            await using (var file = File.OpenRead(Path.Combine(dir, "bmc-exporter")))
            {
                await file.ReadExactlyAsync(header);
            }

            Assert.Equal([0x7F, (byte)'E', (byte)'L', (byte)'F', 2], header[..5]);
            Assert.Equal(183, header[18] | (header[19] << 8));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
