namespace BmcExporter.Ipmi.IntegrationTests.Sim;

/// <summary>A running ipmi_sim, local process or container, reachable at <see cref="Host"/>:<see cref="Port"/> over UDP.</summary>
internal interface ISimHost : IAsyncDisposable
{
    string Host { get; }

    int Port { get; }

    /// <summary>Human-readable origin for failure messages ("local ipmi_sim pid 123", "container abc").</summary>
    string Description { get; }

    /// <summary>Freeze the BMC so it stops answering (SIGSTOP or docker pause), keeping its sessions.</summary>
    Task SuspendAsync(CancellationToken cancellationToken);

    /// <summary>Undo <see cref="SuspendAsync"/>.</summary>
    Task ResumeAsync(CancellationToken cancellationToken);

    /// <summary>What the simulator printed so far (for diagnostics in assertion messages).</summary>
    Task<string> ReadLogAsync(CancellationToken cancellationToken);
}
