using BmcExporter.Ipmi.Session;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Bmc;

internal enum SessionState
{
    AwaitingRakp1,
    AwaitingRakp3,
    Active,
}

/// <summary>
/// One session slot of a simulated BMC, from Open Session through RAKP to active (IPMI v2.0 §13.15-§13.24).
/// A half-open handshake holds its slot until it completes or times out, as on real BMCs.
/// </summary>
internal sealed class BmcSession : IDisposable
{
    public BmcSession(uint bmcSessionId, uint consoleSessionId, CipherSuite suite, PrivilegeLevel requested, TimeSpan now)
    {
        BmcSessionId = bmcSessionId;
        ConsoleSessionId = consoleSessionId;
        Suite = suite;
        OpenSessionPrivilege = requested;
        LastActivity = now;
    }

    public uint BmcSessionId { get; }

    public uint ConsoleSessionId { get; }

    public CipherSuite Suite { get; }

    public PrivilegeLevel OpenSessionPrivilege { get; }

    public SessionState State { get; set; }

    public SimUser? User { get; set; }

    /// <summary>The maximum privilege requested in RAKP 1 (the session's limit).</summary>
    public PrivilegeLevel MaxPrivilege { get; set; }

    public PrivilegeLevel CurrentPrivilege { get; set; }

    public RakpExchange? Exchange { get; set; }

    /// <summary>RAKP 3 verifier of the intel20 quirk: same inputs, role byte without the name-only bit.</summary>
    public RakpExchange? Intel20Exchange { get; set; }

    public SessionCipher? Cipher { get; set; }

    public SessionKeys? Keys { get; set; }

    public uint OutboundSequence { get; set; }

    public uint HighestInbound { get; set; }

    public TimeSpan LastActivity { get; set; }

    public uint NextOutboundSequence(bool skip)
    {
        // IPMI v2.0 §13.28.1: incremented before each packet, 0 skipped on wrap. "sequenceskip" quirk steps by 2.
        OutboundSequence += skip ? 2u : 1u;
        if (OutboundSequence == 0)
        {
            OutboundSequence = 1;
        }

        return OutboundSequence;
    }

    /// <summary>Sliding acceptance window on the console's sequence numbers (-16..+15 around the highest seen).</summary>
    public bool AcceptInbound(uint sequence)
    {
        if (sequence == 0)
        {
            return false;
        }

        var delta = (int)(sequence - HighestInbound);
        if (HighestInbound == 0 || (delta > 0 && delta <= 15))
        {
            HighestInbound = sequence;
            return true;
        }

        return delta <= 0 && delta > -16;
    }

    public void Dispose()
    {
        Cipher?.Dispose();
        Keys?.Dispose();
    }

    public override string ToString() => $"session 0x{BmcSessionId:X8} ({State}, {Suite})";
}
