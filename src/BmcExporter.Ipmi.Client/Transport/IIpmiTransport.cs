namespace BmcExporter.Ipmi.Client.Transport;

/// <summary>
/// Carries datagrams between one session and one BMC: the seam that lets session logic run on an in-memory
/// (and lossy) pipe in tests and on UDP in production. Only datagrams from the BMC are delivered.
/// One sender and one receiver at a time (the session serialises its requests).
/// </summary>
public interface IIpmiTransport : IAsyncDisposable
{
    /// <summary>The peer as host:port, for messages.</summary>
    string Target { get; }

    ValueTask SendAsync(ReadOnlyMemory<byte> datagram, CancellationToken cancellationToken);

    /// <summary>Waits for the next datagram from the BMC and copies it into <paramref name="buffer"/>; returns its length.</summary>
    ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken);
}

/// <summary>Creates transports to a BMC. One transport per session; it keeps its local port for the session's life.</summary>
public interface IIpmiTransportFactory
{
    ValueTask<IIpmiTransport> ConnectAsync(string host, int port, CancellationToken cancellationToken);
}
