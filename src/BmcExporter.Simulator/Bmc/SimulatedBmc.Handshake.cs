using System.Security.Cryptography;
using System.Text;
using BmcExporter.Ipmi.Framing;
using BmcExporter.Ipmi.Session;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Bmc;

internal sealed partial class SimulatedBmc
{
    /// <summary>Half-open handshakes give their slot back sooner than idle active sessions.</summary>
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Open Session Request → Response (IPMI v2.0 §13.17-§13.18).</summary>
    private int OpenSession(ReadOnlySpan<byte> payload, Span<byte> reply, TimeSpan elapsed)
    {
        var request = OpenSessionRequest.Parse(payload, out var status);
        if (status == RmcpPlusStatus.NoErrors && !Profile.Sessions.CipherSuites.Contains(request.Suite.Id))
        {
            status = RmcpPlusStatus.NoCipherSuiteMatch;
        }

        if (status == RmcpPlusStatus.NoErrors && request.ConsoleSessionId == 0)
        {
            status = RmcpPlusStatus.IllegalParameter;
        }

        if (status == RmcpPlusStatus.NoErrors && request.RequestedPrivilege > PrivilegeLevel.Oem)
        {
            status = RmcpPlusStatus.InvalidRole;
        }

        var slot = -1;
        if (status == RmcpPlusStatus.NoErrors)
        {
            ExpireSessions(elapsed);
            slot = _faults.ExhaustSessions ? -1 : FreeSlot();
            if (slot < 0)
            {
                // Session limit reached (fault or real): "insufficient resources to create a session" (§13.24).
                status = RmcpPlusStatus.InsufficientResources;
            }
        }

        OpenSessionResponse response;
        if (status != RmcpPlusStatus.NoErrors)
        {
            _fleet.Statistics.OnSessionRejected();
            response = OpenSessionResponse.Error(request.Tag, status, request.ConsoleSessionId);
        }
        else
        {
            var session = new BmcSession(NewSessionId(), request.ConsoleSessionId, request.Suite, request.RequestedPrivilege, elapsed);
            _sessions![slot] = session;

            // §13.18: the granted maximum is the requested level, or the highest for "0". The opensesspriv
            // quirk echoes the request verbatim (0 stays 0, as OpenIPMI's lanserv does).
            var granted = request.RequestedPrivilege == PrivilegeLevel.Highest && (Quirks & QuirkSet.OpenSessionPrivilegeEcho) == 0
                ? PrivilegeLevel.Administrator
                : request.RequestedPrivilege;
            response = OpenSessionResponse.Success(request.Tag, granted, request.ConsoleSessionId, session.BmcSessionId, request.Suite);
        }

        return WritePlain(reply, PayloadType.OpenSessionResponse, response.Write(reply[RmcpPlusPacket.HeaderLength..]));
    }

    /// <summary>RAKP 1 → RAKP 2: user lookup, BMC random, key-exchange code (IPMI v2.0 §13.20-§13.21, §13.31).</summary>
    private int Rakp1Received(ReadOnlySpan<byte> payload, Span<byte> reply, TimeSpan elapsed)
    {
        var rakp1 = Rakp1.Parse(payload);
        var session = FindSession(rakp1.BmcSessionId);
        if (session is null || session.State == SessionState.Active)
        {
            return WriteRakp2Error(reply, rakp1.Tag, RmcpPlusStatus.InvalidSessionId, 0);
        }

        var privilege = RakpRole.Privilege(rakp1.Role);
        var user = FindUser(rakp1.UserName.Span, privilege, RakpRole.IsNameOnly(rakp1.Role));
        var status = RmcpPlusStatus.NoErrors;
        if (privilege is < PrivilegeLevel.Callback or > PrivilegeLevel.Oem || (rakp1.Role & 0xE0) != 0)
        {
            status = RmcpPlusStatus.InvalidRole;
        }
        else if (user is null)
        {
            status = RmcpPlusStatus.UnauthorizedName;
        }
        else if (privilege > user.MaxPrivilege)
        {
            status = RmcpPlusStatus.InvalidRole;
        }

        if (status != RmcpPlusStatus.NoErrors)
        {
            RemoveSession(session);
            _fleet.Statistics.OnSessionRejected();
            if (status == RmcpPlusStatus.UnauthorizedName)
            {
                AuditFailedLogin(0, elapsed);
            }

            return WriteRakp2Error(reply, rakp1.Tag, status, session.ConsoleSessionId);
        }

        Span<byte> bmcRandom = stackalloc byte[16];
        RandomNumberGenerator.Fill(bmcRandom);
        Span<byte> guid = stackalloc byte[16];
        WriteGuid(guid);
        session.Exchange = new RakpExchange(session.ConsoleSessionId, session.BmcSessionId, rakp1.ConsoleRandom.Span, bmcRandom, guid, rakp1.Role, rakp1.UserName.Span);
        if ((Quirks & QuirkSet.Intel20) != 0)
        {
            // intel20 / ipmitool -o intelplus: RAKP 3 is hashed with the role byte minus the name-only bit (§5.1).
            session.Intel20Exchange = new RakpExchange(
                session.ConsoleSessionId, session.BmcSessionId, rakp1.ConsoleRandom.Span, bmcRandom, guid, (byte)(rakp1.Role & ~RakpRole.NameOnlyLookup), rakp1.UserName.Span);
        }

        session.User = user;
        session.MaxPrivilege = privilege;
        session.State = SessionState.AwaitingRakp3;
        session.LastActivity = elapsed;

        // supermicro20 / sun20: the key-exchange code carries one extra trailing byte (reference §5.1).
        var extra = (Quirks & (QuirkSet.Supermicro20 | QuirkSet.Sun20)) != 0 ? 1 : 0;
        var code = new byte[64];
        var codeLength = session.Exchange.ComputeRakp2Code(session.Suite.Authentication, user!.Password.Span, code) + extra;
        var rakp2 = new Rakp2(rakp1.Tag, RmcpPlusStatus.NoErrors, session.ConsoleSessionId, bmcRandom.ToArray(), guid.ToArray(), code.AsMemory(0, codeLength));
        return WritePlain(reply, PayloadType.Rakp2, rakp2.Write(reply[RmcpPlusPacket.HeaderLength..]));
    }

    /// <summary>RAKP 3 → RAKP 4: verify the console's code, derive SIK/K1/K2, activate (IPMI v2.0 §13.22-§13.23).</summary>
    private int Rakp3Received(ReadOnlySpan<byte> payload, Span<byte> reply, TimeSpan elapsed)
    {
        var rakp3 = Rakp3.Parse(payload);
        var session = FindSession(rakp3.BmcSessionId);
        if (session is null || session.State != SessionState.AwaitingRakp3 || session.Exchange is null || session.User is null)
        {
            return WriteRakp4(reply, new Rakp4(rakp3.Tag, RmcpPlusStatus.InvalidSessionId, 0, ReadOnlyMemory<byte>.Empty));
        }

        if (rakp3.Status != RmcpPlusStatus.NoErrors)
        {
            // The console rejected our RAKP 2 and says why (a wrong password shows at the console first): free the
            // slot, audit the failed login as BMCs do, nothing to answer.
            RemoveSession(session);
            AuditFailedLogin(UserId(session.User), elapsed);
            return 0;
        }

        var password = session.User.Password.Span;
        var verifier = session.Intel20Exchange ?? session.Exchange;
        if (!verifier.VerifyRakp3Code(session.Suite.Authentication, password, rakp3.KeyExchangeCode.Span))
        {
            RemoveSession(session);
            _fleet.Statistics.OnSessionRejected();
            AuditFailedLogin(UserId(session.User), elapsed);
            return WriteRakp4(reply, new Rakp4(rakp3.Tag, RmcpPlusStatus.InvalidIntegrityCheckValue, session.ConsoleSessionId, ReadOnlyMemory<byte>.Empty));
        }

        session.Keys = session.Exchange.DeriveKeys(session.Suite, password, ReadOnlySpan<byte>.Empty);
        session.Cipher = new SessionCipher(session.Keys);
        var icv = new byte[32];
        var icvLength = session.Exchange.ComputeRakp4Icv(session.Keys, icv);
        if (icvLength == 0 && (Quirks & QuirkSet.IntegrityCheckValueOnSuite0) != 0)
        {
            // integritycheckvalue quirk: a non-empty ICV although authentication is "none" (reference §5.1).
            RandomNumberGenerator.Fill(icv.AsSpan(0, 12));
            icvLength = 12;
        }

        session.State = SessionState.Active;
        session.CurrentPrivilege = session.MaxPrivilege == PrivilegeLevel.Callback ? PrivilegeLevel.Callback : PrivilegeLevel.User;
        session.LastActivity = elapsed;
        _fleet.Statistics.OnSessionOpened();
        return WriteRakp4(reply, new Rakp4(rakp3.Tag, RmcpPlusStatus.NoErrors, session.ConsoleSessionId, icv.AsMemory(0, icvLength)));
    }

    private SimUser? FindUser(ReadOnlySpan<byte> name, PrivilegeLevel privilege, bool nameOnly)
    {
        if (name.IsEmpty)
        {
            // User 1, the null user (IPMI v2.0 §13.20): anonymous (empty password) or with its own password.
            var security = Profile.Security;
            return security.AnonymousLogin ? new SimUser("", [], PrivilegeLevel.Administrator)
                : security.NullUserPassword is { } password ? new SimUser("", password.ToArray(), PrivilegeLevel.Administrator)
                : null;
        }

        var text = Encoding.ASCII.GetString(name);
        foreach (var user in _fleet.Users)
        {
            // §13.20: name-only lookup matches the name; otherwise name and privilege must both match.
            if (string.Equals(user.Name, text, StringComparison.Ordinal) && (nameOnly || user.MaxPrivilege == privilege))
            {
                return user;
            }
        }

        return null;
    }

    private static int WriteRakp2Error(Span<byte> reply, byte tag, RmcpPlusStatus status, uint consoleSessionId)
    {
        var rakp2 = new Rakp2(tag, status, consoleSessionId, ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty);
        return WritePlain(reply, PayloadType.Rakp2, rakp2.Write(reply[RmcpPlusPacket.HeaderLength..]));
    }

    private static int WriteRakp4(Span<byte> reply, Rakp4 rakp4) =>
        WritePlain(reply, PayloadType.Rakp4, rakp4.Write(reply[RmcpPlusPacket.HeaderLength..]));

    /// <summary>Writes the pre-session RMCP+ header in front of a payload already written at offset 16.</summary>
    private static int WritePlain(Span<byte> reply, byte payloadType, int payloadLength)
    {
        RmcpPlusPacket.WriteHeader(reply, payloadType, 0, 0, payloadLength);
        return RmcpPlusPacket.HeaderLength + payloadLength;
    }
}
