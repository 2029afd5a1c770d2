namespace BmcExporter.Ipmi.Sel;

/// <summary>Which security-relevant sensor type a SEL entry is about.</summary>
public enum SecurityEventKind
{
    /// <summary>Session Audit, sensor type 0x2A (IPMI v2.0 table 42-3): logins and failed logins.</summary>
    SessionAudit,

    /// <summary>Platform Security Violation Attempt, sensor type 0x06: password and secure-mode violations.</summary>
    SecurityViolation,
}

/// <summary>
/// A decoded Session Audit or Platform Security Violation entry: the event (snake-case label value), and for
/// Session Audit the user ID and channel the BMC recorded (event data 2 and 3, when marked sensor-specific).
/// </summary>
public readonly record struct SecurityEvent(SecurityEventKind Kind, string Event, byte? UserId, byte? Channel);

/// <summary>Decodes the SEL entries an audit trail is made of (IPMI v2.0 table 42-3, sensor types 0x06 and 0x2A).</summary>
public static class SecurityEvents
{
    public const byte SecurityViolationType = 0x06;
    public const byte SessionAuditType = 0x2A;

    /// <summary>Sensor-specific event/reading type (IPMI v2.0 table 42-1).</summary>
    private const byte SensorSpecific = 0x6F;

    private static readonly string[] AuditEvents = ["activated", "deactivated", "invalid_username_or_password", "invalid_password_disable"];

    private static readonly string[] ViolationEvents =
    [
        "secure_mode_violation", "pre_boot_user_password_violation", "pre_boot_setup_password_violation",
        "pre_boot_network_boot_password_violation", "other_pre_boot_password_violation", "out_of_band_password_violation",
    ];

    /// <summary>The security event of <paramref name="record"/>, or <c>null</c> when it is not one (or a deassertion).</summary>
    public static SecurityEvent? Decode(SystemEventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.EventReadingType != SensorSpecific || record.IsDeassertion)
        {
            return null;
        }

        var offset = record.Offset;
        switch (record.SensorType)
        {
            case SessionAuditType:
                var name = offset < AuditEvents.Length ? AuditEvents[offset] : $"offset_{offset}";

                // Event data 2: bits 5:0 user ID (0 = unspecified); event data 3: bits 3:0 channel; both only when
                // event data 1 marks them sensor-specific (bits 7:6 and 5:4 = 11b, IPMI v2.0 §29.7).
                byte? user = record.EventData2Usage == 3 ? (byte)(record.EventData2 & 0x3F) : null;
                byte? channel = record.EventData3Usage == 3 ? (byte)(record.EventData3 & 0x0F) : null;
                return new SecurityEvent(SecurityEventKind.SessionAudit, name, user, channel);
            case SecurityViolationType:
                return new SecurityEvent(SecurityEventKind.SecurityViolation, offset < ViolationEvents.Length ? ViolationEvents[offset] : $"offset_{offset}", null, null);
            default:
                return null;
        }
    }
}
