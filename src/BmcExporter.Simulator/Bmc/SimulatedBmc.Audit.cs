using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Bmc;

internal sealed partial class SimulatedBmc
{
    /// <summary>Sensor type Session Audit (IPMI v2.0 table 42-3, 0x2A); the sensor number the simulator uses for it.</summary>
    private const byte SessionAuditType = 0x2A;
    private const byte SessionAuditSensor = 0xA0;

    /// <summary>Session Audit offset 02h: invalid username or password.</summary>
    private const byte InvalidUserOrPassword = 0x02;

    /// <summary>
    /// Writes a Session Audit entry for a failed login (IPMI v2.0 table 42-3, sensor type 0x2A, offset 02h): event
    /// data 2 the user ID (0 when the name was unknown), event data 3 the channel in bits 3:0.
    /// </summary>
    private void AuditFailedLogin(byte userId, TimeSpan elapsed)
    {
        if (!Profile.Security.SessionAudit)
        {
            return;
        }

        var entry = new SelEventDefinition(SessionAuditType, SessionAuditSensor, 0x6F, InvalidUserOrPassword, false, TimeSpan.Zero, (byte)(userId & 0x3F), LanChannel);
        _sel.Add(Profile.Sel, elapsed, entry, _fleet.NowUnix);
    }

    /// <summary>The user ID a BMC would give the user: 1 the null user, then 2.. in the order of the fleet's users.</summary>
    private byte UserId(SimUser? user) =>
        user is null ? (byte)0 : user.Name.Length == 0 ? (byte)1 : (byte)(2 + Math.Max(0, _fleet.Users.IndexOf(user)));
}
