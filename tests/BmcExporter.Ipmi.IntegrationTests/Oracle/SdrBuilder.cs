using System.Text;

namespace BmcExporter.Ipmi.IntegrationTests.Oracle;

/// <summary>
/// The harness's own SDR encoder (deliberately independent of the product's code): every record is laid out
/// byte by byte from IPMI v2.0 §43 so the simulator, ipmitool and FreeIPMI see exactly what the test chose.
/// Record IDs are left 0: ipmi_sim assigns them.
/// </summary>
internal static class SdrBuilder
{
    public const byte BmcAddress = 0x20;
    private const byte SdrVersion = 0x51;

    /// <summary>Full Sensor Record for a threshold sensor, IPMI v2.0 §43.1 (offsets are 0-based).</summary>
    public static byte[] Full(AnalogSensor s)
    {
        byte[] id = IdString(s.Name);
        var r = new byte[47 + id.Length];
        Header(r, 0x01);
        r[5] = BmcAddress;
        r[7] = s.Number;
        r[8] = s.EntityId;
        r[9] = s.EntityInstance;
        bool thresholds = s.Thresholds.Any;
        // Init: scanning, events, thresholds (if any), sensor type; events enabled; scanning enabled when wanted.
        r[10] = (byte)(0x40 | 0x20 | (thresholds ? 0x10 : 0) | 0x04 | 0x02 | (s.Scanning ? 0x01 : 0));
        // Capabilities: auto re-arm, no hysteresis, thresholds readable+settable when present.
        r[11] = (byte)(0x40 | (thresholds ? 0x08 : 0));
        r[12] = s.SensorType;
        r[13] = 0x01;
        RawThresholds t = s.Thresholds;
        // Lower/upper threshold reading masks, §43.1 bytes 15-18: b12 NC, b13 C, b14 NR comparison returned.
        ushort lower = (ushort)((t.Lnc.HasValue ? 1 << 12 : 0) | (t.Lcr.HasValue ? 1 << 13 : 0) | (t.Lnr.HasValue ? 1 << 14 : 0));
        ushort upper = (ushort)((t.Unc.HasValue ? 1 << 12 : 0) | (t.Ucr.HasValue ? 1 << 13 : 0) | (t.Unr.HasValue ? 1 << 14 : 0));
        PutUInt16(r, 14, lower);
        PutUInt16(r, 16, upper);
        r[18] = t.Mask;
        r[19] = t.Mask;
        r[20] = (byte)(((int)s.Format << 6) | (s.Percent ? 0x01 : 0));
        r[21] = s.BaseUnit;
        r[23] = s.Linearization;
        r[24] = (byte)(s.M & 0xFF);
        r[25] = (byte)(((s.M >> 8) & 0x03) << 6);
        r[26] = (byte)(s.B & 0xFF);
        r[27] = (byte)(((s.B >> 8) & 0x03) << 6);
        r[29] = (byte)(((s.RExp & 0x0F) << 4) | (s.BExp & 0x0F));
        bool signed = s.Format != AnalogFormat.Unsigned;
        r[34] = (byte)(signed ? 0x7F : 0xFF);
        r[35] = (byte)(signed ? 0x80 : 0x00);
        r[36] = t.Unr ?? 0;
        r[37] = t.Ucr ?? 0;
        r[38] = t.Unc ?? 0;
        r[39] = t.Lnr ?? 0;
        r[40] = t.Lcr ?? 0;
        r[41] = t.Lnc ?? 0;
        id.CopyTo(r, 47);
        return r;
    }

    /// <summary>Full Sensor Record of a discrete sensor: analog format 11b ("no analog reading"), §43.1.</summary>
    public static byte[] FullDiscrete(DiscreteSensor s)
    {
        byte[] id = IdString(s.Name);
        var r = new byte[47 + id.Length];
        Header(r, 0x01);
        r[5] = BmcAddress;
        r[7] = s.Number;
        r[8] = s.EntityId;
        r[9] = s.EntityInstance;
        r[10] = 0x67;
        r[11] = 0x40;
        r[12] = s.SensorType;
        r[13] = s.EventType;
        PutUInt16(r, 14, s.SupportedStates);
        PutUInt16(r, 16, s.SupportedStates);
        PutUInt16(r, 18, s.SupportedStates);
        r[20] = 0xC0;
        id.CopyTo(r, 47);
        return r;
    }

    /// <summary>Compact Sensor Record, §43.2; shared over <see cref="DiscreteSensor.ShareCount"/> sensors with numeric suffixes from 0.</summary>
    public static byte[] Compact(DiscreteSensor s)
    {
        string name = s.ShareCount > 1 ? s.RecordName : s.Name;
        byte[] id = IdString(name);
        var r = new byte[31 + id.Length];
        Header(r, 0x02);
        r[5] = BmcAddress;
        r[7] = s.Number;
        r[8] = s.EntityId;
        r[9] = s.EntityInstance;
        r[10] = 0x67;
        r[11] = 0x40;
        r[12] = s.SensorType;
        r[13] = s.EventType;
        PutUInt16(r, 14, s.SupportedStates);
        PutUInt16(r, 16, s.SupportedStates);
        PutUInt16(r, 18, s.SupportedStates);
        // Record sharing, §43.2 bytes 24-25: numeric ID modifier, share count; entity instance increments, offset 0.
        r[23] = (byte)(s.ShareCount > 1 ? s.ShareCount & 0x0F : 0);
        r[24] = (byte)(s.ShareCount > 1 ? 0x80 : 0x00);
        id.CopyTo(r, 31);
        return r;
    }

    /// <summary>Event-Only Record, §43.3.</summary>
    public static byte[] EventOnly(byte number, string name, byte sensorType, byte eventType, byte entityId, byte entityInstance)
    {
        byte[] id = IdString(name);
        var r = new byte[16 + id.Length];
        Header(r, 0x03);
        r[5] = BmcAddress;
        r[7] = number;
        r[8] = entityId;
        r[9] = entityInstance;
        r[10] = sensorType;
        r[11] = eventType;
        id.CopyTo(r, 16);
        return r;
    }

    /// <summary>FRU Device Locator for a logical FRU device on the BMC, §43.8.</summary>
    public static byte[] FruLocator(byte fruId, string name, byte entityId, byte entityInstance)
    {
        byte[] id = IdString(name);
        var r = new byte[15 + id.Length];
        Header(r, 0x11);
        r[5] = BmcAddress;
        r[6] = fruId;
        r[7] = 0x80; // logical FRU device, LUN 0, private bus 0
        r[10] = 0x10; // device type: logical FRU device
        r[12] = entityId;
        r[13] = entityInstance;
        id.CopyTo(r, 15);
        return r;
    }

    /// <summary>Management Controller Device Locator, §43.9.</summary>
    public static byte[] McLocator(byte slaveAddress, byte capabilities, string name, byte entityId, byte entityInstance)
    {
        byte[] id = IdString(name);
        var r = new byte[15 + id.Length];
        Header(r, 0x12);
        r[5] = slaveAddress;
        r[8] = capabilities;
        r[12] = entityId;
        r[13] = entityInstance;
        id.CopyTo(r, 15);
        return r;
    }

    /// <summary>OEM record (type 0xC0), §43.12: 3-byte manufacturer ID then OEM data.</summary>
    public static byte[] Oem(int manufacturerId, ReadOnlySpan<byte> data)
    {
        var r = new byte[8 + data.Length];
        Header(r, 0xC0);
        r[5] = (byte)manufacturerId;
        r[6] = (byte)(manufacturerId >> 8);
        r[7] = (byte)(manufacturerId >> 16);
        data.CopyTo(r.AsSpan(8));
        return r;
    }

    /// <summary>8-bit ASCII type/length byte + string, §43.15 (type 11b).</summary>
    private static byte[] IdString(string name)
    {
        byte[] ascii = Encoding.ASCII.GetBytes(name);
        if (ascii.Length is 0 or > 16)
        {
            throw new ArgumentException($"SDR ID string must be 1-16 bytes: '{name}'", nameof(name));
        }

        return [(byte)(0xC0 | ascii.Length), .. ascii];
    }

    private static void Header(byte[] r, byte type)
    {
        r[2] = SdrVersion;
        r[3] = type;
        r[4] = (byte)(r.Length - 5);
    }

    private static void PutUInt16(byte[] r, int offset, ushort value)
    {
        r[offset] = (byte)value;
        r[offset + 1] = (byte)(value >> 8);
    }
}
