using System.Net;
using System.Text;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Images;

namespace BmcExporter.Ipmi.IntegrationTests.Sim;

/// <summary>
/// ipmi_sim in a container built from tests/docker/Dockerfile (Debian + openipmi). The generated config is
/// copied in before start; the BMC listens on 0.0.0.0:623/udp inside and is mapped to a random host port.
/// </summary>
internal sealed class ContainerIpmiSim : ISimHost
{
    private const string ContainerPort = "623/udp";
    private readonly IContainer _container;

    private ContainerIpmiSim(IContainer container, string host, int port)
    {
        _container = container;
        Host = host;
        Port = port;
    }

    public string Host { get; }

    public int Port { get; }

    public string Description => $"ipmi_sim container {_container.Id[..Math.Min(12, _container.Id.Length)]} on {Host}:{Port}";

    /// <summary>Starts a container; with <paramref name="hostPort"/> it is published there (a restart on the same address).</summary>
    public static async Task<ContainerIpmiSim> StartAsync(int? hostPort, CancellationToken cancellationToken)
    {
        IFutureDockerImage image = new ImageFromDockerfileBuilder()
            .WithDockerfileDirectory(RepoPaths.DockerDirectory)
            .WithDockerfile("Dockerfile")
            .WithName("bmc-exporter-ipmi-sim:test")
            .WithCleanUp(false)
            .Build();
        await image.CreateAsync(cancellationToken);

        const string ChassisPath = "/sim/" + SimConfigWriter.ChassisScriptName;
        ContainerBuilder builder = new ContainerBuilder(image);
        builder = hostPort is { } fixedPort
            ? builder.WithPortBinding(fixedPort.ToString(System.Globalization.CultureInfo.InvariantCulture), ContainerPort)
            : builder.WithPortBinding(ContainerPort, assignRandomHostPort: true);
        IContainer container = builder
            .WithResourceMapping(Encoding.UTF8.GetBytes(SimConfigWriter.LanConf("0.0.0.0", 623, ChassisPath)), "/sim/lan.conf")
            .WithResourceMapping(Encoding.UTF8.GetBytes(SimConfigWriter.Emu()), "/sim/sim.emu")
            .WithResourceMapping(Encoding.UTF8.GetBytes(SimConfigWriter.ChassisScript()), ChassisPath, fileMode: Unix.FileMode755)
            .WithCleanUp(true)
            .Build();
        await container.StartAsync(cancellationToken);

        // Docker publishes on all host addresses; the probe and the clients use IPv4 loopback when the engine is local.
        string host = container.Hostname is "localhost" or "127.0.0.1" ? "127.0.0.1" : (await Dns.GetHostAddressesAsync(container.Hostname, cancellationToken))[0].ToString();
        var sim = new ContainerIpmiSim(container, host, container.GetMappedPublicPort(ContainerPort));
        try
        {
            bool ready = await SimProbe.WaitUntilAnswersAsync(
                host, sim.Port, attempts: 100, TimeSpan.FromMilliseconds(200), () => container.State == TestcontainersStates.Running, cancellationToken);
            if (!ready)
            {
                string log = await sim.ReadLogAsync(cancellationToken);
                throw new InvalidOperationException($"{sim.Description} did not answer within 20 s. Its output:\n{log}");
            }

            return sim;
        }
        catch
        {
            await sim.DisposeAsync();
            throw;
        }
    }

    public Task SuspendAsync(CancellationToken cancellationToken) => _container.PauseAsync(cancellationToken);

    public Task ResumeAsync(CancellationToken cancellationToken) => _container.UnpauseAsync(cancellationToken);

    public async Task<string> ReadLogAsync(CancellationToken cancellationToken)
    {
        (string stdout, string stderr) = await _container.GetLogsAsync(ct: cancellationToken);
        return stdout + stderr;
    }

    public ValueTask DisposeAsync() => _container.DisposeAsync();
}
