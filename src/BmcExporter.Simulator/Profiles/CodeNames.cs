namespace BmcExporter.Simulator.Profiles;

/// <summary>Names accepted in profile files for sensor types and units (numbers are always accepted too).</summary>
internal static class CodeNames
{
    // IPMI v2.0 §42.2 table 42-3 (sensor type codes).
    public static readonly IReadOnlyDictionary<string, byte> SensorTypes = new Dictionary<string, byte>(StringComparer.OrdinalIgnoreCase)
    {
        ["temperature"] = 0x01,
        ["voltage"] = 0x02,
        ["current"] = 0x03,
        ["fan"] = 0x04,
        ["physicalSecurity"] = 0x05,
        ["processor"] = 0x07,
        ["powerSupply"] = 0x08,
        ["powerUnit"] = 0x09,
        ["other"] = 0x0B,
        ["memory"] = 0x0C,
        ["driveSlot"] = 0x0D,
        ["systemFirmware"] = 0x0F,
        ["eventLogging"] = 0x10,
        ["systemEvent"] = 0x12,
        ["criticalInterrupt"] = 0x13,
        ["button"] = 0x14,
        ["moduleBoard"] = 0x15,
        ["microcontroller"] = 0x16,
        ["addInCard"] = 0x17,
        ["chassis"] = 0x18,
        ["chipSet"] = 0x19,
        ["cable"] = 0x1B,
        ["systemBoot"] = 0x1D,
        ["bootError"] = 0x1E,
        ["osCriticalStop"] = 0x20,
        ["slotConnector"] = 0x21,
        ["acpiPowerState"] = 0x22,
        ["watchdog2"] = 0x23,
        ["entityPresence"] = 0x25,
        ["lan"] = 0x27,
        ["managementSubsystemHealth"] = 0x28,
        ["battery"] = 0x29,
    };

    // IPMI v2.0 §43.17 table 43-15 (sensor unit type codes).
    public static readonly IReadOnlyDictionary<string, byte> Units = new Dictionary<string, byte>(StringComparer.OrdinalIgnoreCase)
    {
        ["unspecified"] = 0,
        ["degreesC"] = 1,
        ["degreesF"] = 2,
        ["degreesK"] = 3,
        ["volts"] = 4,
        ["amps"] = 5,
        ["watts"] = 6,
        ["joules"] = 7,
        ["hz"] = 19,
        ["cfm"] = 17,
        ["rpm"] = 18,
        ["seconds"] = 22,
        ["bytes"] = 70,
        ["correctableErrors"] = 89,
    };

    public static readonly IReadOnlyDictionary<string, QuirkSet> Quirks = new Dictionary<string, QuirkSet>(StringComparer.OrdinalIgnoreCase)
    {
        ["authcap"] = QuirkSet.AuthCapWrongBits,
        ["supermicro20"] = QuirkSet.Supermicro20,
        ["sun20"] = QuirkSet.Sun20,
        ["opensesspriv"] = QuirkSet.OpenSessionPrivilegeEcho,
        ["integritycheckvalue"] = QuirkSet.IntegrityCheckValueOnSuite0,
        ["nochecksumcheck"] = QuirkSet.BadChecksums,
        ["sdrpadded"] = QuirkSet.SdrWholeReadPadded,
        ["sdrwrongrecordid"] = QuirkSet.SdrWrongRecordId,
        ["sdrlastrecordtimeout"] = QuirkSet.SdrLastRecordTimeout,
        ["sdrreserveunsupported"] = QuirkSet.SdrReserveUnsupported,
        ["assumemaxsdrrecordcount"] = QuirkSet.SdrRecordCountWrong,
        ["selreserveoperator"] = QuirkSet.SelReserveNeedsOperator,
        ["nostatebytes"] = QuirkSet.SensorReadingNoStateBytes,
        ["ignorescanningdisabled"] = QuirkSet.ScanningDisabledBit,
        ["discretereading"] = QuirkSet.DiscreteAnalogReading,
        ["assumesystemevent"] = QuirkSet.InvalidSelRecordType,
        ["noclosereply"] = QuirkSet.NoCloseSessionReply,
        ["nopresessioncipherlist"] = QuirkSet.CipherSuitesRefusedPreSession,
        ["sequenceskip"] = QuirkSet.SequenceNumbersSkip,
        ["shortsdrread"] = QuirkSet.ShortWholeRecordRead,
        ["intel20"] = QuirkSet.Intel20,
        ["altbridging"] = QuirkSet.NoSelfBridging,
        ["nocipherlist"] = QuirkSet.CipherSuitesRefused,
    };

    public static byte Resolve(IReadOnlyDictionary<string, byte> table, string text, string what, ProfileErrors errors, string path)
    {
        if (table.TryGetValue(text, out var code))
        {
            return code;
        }

        if (NumberText.TryParse(text, out var n) && n is >= 0 and <= 255)
        {
            return (byte)n;
        }

        errors.Add(path, $"unknown {what} '{text}' (use a number or one of: {string.Join(", ", table.Keys)})");
        return 0;
    }
}

/// <summary>Parses decimal or 0x-prefixed hexadecimal integers.</summary>
internal static class NumberText
{
    public static bool TryParse(string text, out int value)
    {
        var t = text.Trim();
        if (t.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return int.TryParse(t.AsSpan(2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out value);
        }

        return int.TryParse(t, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out value);
    }
}
