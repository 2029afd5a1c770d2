using System.Net;
using System.Net.Sockets;
using BmcExporter.Ipmi.IntegrationTests.Sim;

namespace BmcExporter.Ipmi.IntegrationTests;

/// <summary>The harness's own guarantees: it fails without ipmi_sim, probes Docker within its budget, finds free ports.</summary>
[Trait("Category", "Integration")]
public sealed class FixtureTests
{
    [Fact]
    public void RequireIpmiSim_NotInstalled_FailsWithInstallHint()
    {
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => LocalIpmiSim.RequireIpmiSim(null));

        Assert.Contains("openipmi", error.Message, StringComparison.Ordinal);
        Assert.Contains("Refusing to skip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireIpmiSim_Installed_ReturnsPath()
    {
        Assert.Equal("/usr/bin/ipmi_sim", LocalIpmiSim.RequireIpmiSim("/usr/bin/ipmi_sim"));
    }

    [Fact]
    public async Task DockerProbe_AnyMachine_AnswersWithinBudget()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        bool answers = await DockerProbe.EngineAnswersAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"probe took {watch.Elapsed}");
        if (answers)
        {
            Assert.True(File.Exists("/var/run/docker.sock") || Environment.GetEnvironmentVariable("DOCKER_HOST") is not null);
        }
    }

    [Fact]
    public void FindFree_Port_CanBeBoundAgain()
    {
        int port = UdpPorts.FindFree();

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        Assert.InRange(port, 1024, 65535);
    }

    [Fact]
    public void RepoRoot_FromAssemblyMetadata_HoldsDockerfile()
    {
        Assert.True(File.Exists(Path.Combine(RepoPaths.DockerDirectory, "Dockerfile")));
    }
}
