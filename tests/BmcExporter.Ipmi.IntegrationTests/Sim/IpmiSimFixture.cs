namespace BmcExporter.Ipmi.IntegrationTests.Sim;

/// <summary>
/// Starts one ipmi_sim configured from <see cref="Oracle.SimBmc"/>: in a container when a Docker engine answers
/// (or BMC_HARNESS_SIM=container), else as a local process (BMC_HARNESS_SIM=local forces it). A missing
/// ipmi_sim fails the fixture; it never skips.
/// </summary>
public sealed class IpmiSimFixture : IAsyncLifetime, IBmcTarget
{
    private static readonly TimeSpan StartBudget = TimeSpan.FromSeconds(120);
    private ISimHost? _sim;
    private bool _useContainer;

    internal ISimHost Sim => _sim ?? throw new InvalidOperationException("ipmi_sim fixture not started");

    public string Host => Sim.Host;

    public int Port => Sim.Port;

    public async Task InitializeAsync()
    {
        using var budget = new CancellationTokenSource(StartBudget);
        string mode = Environment.GetEnvironmentVariable("BMC_HARNESS_SIM") ?? "auto";
        bool container = mode switch
        {
            "local" => false,
            "container" => true,
            "auto" => await DockerProbe.EngineAnswersAsync(TimeSpan.FromSeconds(2), budget.Token),
            _ => throw new InvalidOperationException($"BMC_HARNESS_SIM must be auto, local or container, not '{mode}'"),
        };
        if (mode == "container" && !await DockerProbe.EngineAnswersAsync(TimeSpan.FromSeconds(2), budget.Token))
        {
            throw new InvalidOperationException("BMC_HARNESS_SIM=container but no Docker engine answers on DOCKER_HOST or /var/run/docker.sock");
        }

        _useContainer = container;
        _sim = await StartAsync(port: null, budget.Token);
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>Replaces the simulator by a fresh one on the same address: the BMC "reboots" and forgets its sessions.</summary>
    internal async Task RestartAsync(CancellationToken cancellationToken)
    {
        int port = Sim.Port;
        await Sim.DisposeAsync();
        _sim = null;
        _sim = await StartAsync(port, cancellationToken);
    }

    public async Task DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        if (_sim is not null)
        {
            await _sim.DisposeAsync();
        }
    }

    private async Task<ISimHost> StartAsync(int? port, CancellationToken cancellationToken) => _useContainer
        ? await ContainerIpmiSim.StartAsync(port, cancellationToken)
        : await LocalIpmiSim.StartAsync(port, cancellationToken);

    private void OnProcessExit(object? sender, EventArgs e) => _sim?.DisposeAsync().AsTask().GetAwaiter().GetResult();
}

/// <summary>Tests sharing the one simulator run sequentially in this collection.</summary>
[CollectionDefinition(Name)]
public sealed class IpmiSimCollection : ICollectionFixture<IpmiSimFixture>
{
    public const string Name = "ipmi_sim";
}
