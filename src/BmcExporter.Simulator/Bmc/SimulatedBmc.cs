using System.Net;
using System.Net.Sockets;
using BmcExporter.Simulator.Behaviour;
using BmcExporter.Simulator.Faults;
using BmcExporter.Simulator.Fleet;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Bmc;

/// <summary>
/// One simulated BMC: a UDP socket, a small session table and a few counters. Everything else (SDRs, sensor
/// behaviour, FRU template) is shared through <see cref="FleetContext"/>; sensor values and SEL contents are
/// computed from time and seed on each request, so an idle BMC costs well under a few kilobytes.
/// </summary>
internal sealed partial class SimulatedBmc : IDisposable
{
    private const int ReceiveBufferSize = 512;
    private const int ReplyBufferSize = 512;

    private readonly FleetContext _fleet;
    private readonly Socket _socket;
    private readonly FaultPlan _faults;
    private SimRandom _random;
    private BmcSession?[]? _sessions;
    private SelView _sel = new();
    private ushort _sdrReservation;
    private bool _sdrReservedAfterChange;
    private ushort _selReservation;
    private int _selReservedCount;
    private long _rebootsSeen;
    private bool _lastWasSdrRead;
    private byte[]? _fru;
    private Dictionary<byte, byte[]>? _locatorFru;
    private HeldReply? _held;

    public SimulatedBmc(FleetContext fleet, int index, Socket socket, FaultPlan faults)
    {
        _fleet = fleet;
        Index = index;
        _socket = socket;
        _faults = faults;
        _random = new SimRandom(SimHash.Hash(fleet.Seed, index, 0x5EED, 0));
        EndPoint = (IPEndPoint)socket.LocalEndPoint!;
    }

    public int Index { get; }

    public IPEndPoint EndPoint { get; }

    private SimProfile Profile => _fleet.Profile;

    private QuirkSet Quirks => _fleet.Profile.Quirks;

    public void Dispose()
    {
        _socket.Dispose();
        if (_sessions is not null)
        {
            foreach (var s in _sessions)
            {
                s?.Dispose();
            }
        }
    }

    public override string ToString() => $"BMC {Index} at {EndPoint}";

    /// <summary>The BMC's GUID (16 bytes, seeded), used in RAKP 2 and Get System GUID.</summary>
    private void WriteGuid(Span<byte> destination)
    {
        for (var i = 0; i < 16; i += 8)
        {
            BitConverter.TryWriteBytes(destination[i..], SimHash.Hash(_fleet.Seed, Index, 0x6001, i));
        }

        destination[7] = (byte)((destination[7] & 0x0F) | 0x40); // RFC 4122 version 4 layout
    }

    private sealed class HeldReply(byte[] data, int length, SocketAddress address)
    {
        public byte[] Data { get; } = data;

        public int Length { get; } = length;

        public SocketAddress Address { get; } = address;
    }
}
