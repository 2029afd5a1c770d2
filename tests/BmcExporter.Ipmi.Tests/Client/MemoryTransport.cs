using System.Threading.Channels;
using BmcExporter.Ipmi.Client.Transport;

namespace BmcExporter.Ipmi.Tests.Client;

/// <summary>
/// In-memory transport: every datagram the client sends goes to a <see cref="FakeBmc"/> and the BMC's replies are
/// queued for the client. Predicates drop requests or replies to simulate loss.
/// </summary>
internal sealed class MemoryTransport : IIpmiTransport, IIpmiTransportFactory
{
    private readonly Channel<byte[]> _inbound = Channel.CreateUnbounded<byte[]>();
    private readonly FakeBmc _bmc;

    public MemoryTransport(FakeBmc bmc) => _bmc = bmc;

    public string Target => "fake-bmc:623";

    public List<byte[]> Sent { get; } = [];

    /// <summary>Return true to lose the client's datagram before the BMC sees it.</summary>
    public Func<byte[], bool>? DropRequest { get; set; }

    /// <summary>Return true to lose a BMC reply.</summary>
    public Func<byte[], bool>? DropReply { get; set; }

    public bool Disposed { get; private set; }

    public ValueTask<IIpmiTransport> ConnectAsync(string host, int port, CancellationToken cancellationToken)
        => ValueTask.FromResult<IIpmiTransport>(this);

    public ValueTask SendAsync(ReadOnlyMemory<byte> datagram, CancellationToken cancellationToken)
    {
        var copy = datagram.ToArray();
        lock (Sent)
        {
            Sent.Add(copy);
        }

        if (DropRequest?.Invoke(copy) == true)
        {
            return ValueTask.CompletedTask;
        }

        foreach (var reply in _bmc.Handle(copy))
        {
            if (DropReply?.Invoke(reply) != true)
            {
                Queue(reply);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Injects a datagram as if the BMC had sent it.</summary>
    public void Inject(byte[] datagram) => Queue(datagram);

    /// <summary>
    /// True while the client waits for a datagram and none is on its way to it: only a timer can wake it. A datagram
    /// counts from the moment it is queued until the receive that takes it has returned it; the channel's own count is
    /// not enough, since a datagram handed straight to a waiting reader is never counted there, and the reader's
    /// continuation runs later on the thread pool (a clock advanced in between made a reply look late). Likewise a
    /// receive stops being idle the moment its token is cancelled (a fired timer: the request's timeout or the
    /// scrape's deadline), inside the fake clock's advance that fired it, not when its continuation later runs on the
    /// thread pool; otherwise the clock could move on before the client had retransmitted or given up.
    /// </summary>
    public bool IsIdle => Volatile.Read(ref _idle) && Volatile.Read(ref _undelivered) == 0;

    private bool _idle;
    private int _undelivered;

    private void Queue(byte[] datagram)
    {
        Interlocked.Increment(ref _undelivered);
        if (!_inbound.Writer.TryWrite(datagram))
        {
            Interlocked.Decrement(ref _undelivered);
        }
    }

    internal string DebugState => $"idle flag {Volatile.Read(ref _idle)}, undelivered {Volatile.Read(ref _undelivered)}, sent {Sent.Count}: " + string.Join(" ", Sent.TakeLast(6).Select(d => $"{d.Length}:{(d.Length > 5 ? d[5] : 0):X2}"));

    public async ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _idle, true);
        using var woken = cancellationToken.UnsafeRegister(static state => Volatile.Write(ref ((MemoryTransport)state!)._idle, false), this);
        try
        {
            var datagram = await _inbound.Reader.ReadAsync(cancellationToken);

            // Busy from here (until the next receive): then the datagram stops counting as on its way.
            Volatile.Write(ref _idle, false);
            Interlocked.Decrement(ref _undelivered);
            datagram.CopyTo(buffer);
            return datagram.Length;
        }
        finally
        {
            Volatile.Write(ref _idle, false);
        }
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
