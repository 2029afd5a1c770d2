using System.Globalization;
using System.Text;
using BmcExporter.Ipmi.IntegrationTests.Oracle;

namespace BmcExporter.Ipmi.IntegrationTests.Sim;

/// <summary>
/// Renders <see cref="SimBmc"/> as ipmi_sim's <c>lan.conf</c> (ipmi_lan(5)) and command file (ipmi_sim_cmd(5)).
/// Every <c>main_sdr_add</c> is checked to hold exactly length+5 bytes, since ipmi_sim silently stops at the
/// first failing command and would then never run <c>mc_enable</c>.
/// </summary>
internal static class SimConfigWriter
{
    public const string ChassisScriptName = "chassis_control.sh";

    public static string LanConf(string bindAddress, int port, string chassisScriptPath)
    {
        var sb = new StringBuilder();
        sb.AppendLine("name \"bmcsim\"");
        sb.AppendLine("set_working_mc 0x20");
        sb.AppendLine("  startlan 1");
        sb.AppendLine(CultureInfo.InvariantCulture, $"    addr {bindAddress} {port}");
        sb.AppendLine("    priv_limit admin");
        foreach (string level in new[] { "callback", "user", "operator", "admin" })
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"    allowed_auths_{level} none md5 straight");
        }

        // Without a GUID ipmi_sim does not offer IPMI 2.0 / RMCP+ (shared/docs/ipmi-protocol.md §6.6).
        sb.AppendLine(CultureInfo.InvariantCulture, $"    guid {SimBmc.Guid}");
        sb.AppendLine("  endlan");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  chassis_control \"{chassisScriptPath} 0x20\"");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  user 2 true \"{SimBmc.AdminUser}\" \"{SimBmc.AdminPassword}\" admin 10 md5");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  user 3 true \"{SimBmc.ReaderUser}\" \"{SimBmc.ReaderPassword}\" user 10 md5");
        return sb.ToString();
    }

    /// <summary>A chassis control helper that reports power on; other requests are accepted and ignored.</summary>
    public static string ChassisScript() =>
        "#!/bin/sh\n" +
        "# ipmi_sim chassis_control helper: <prog> <mc> get <item>... | set <item> <value>...\n" +
        "if [ \"$2\" = get ]; then\n" +
        "  shift 2\n" +
        "  for item in \"$@\"; do\n" +
        "    case \"$item\" in\n" +
        "      power) echo power:1 ;;\n" +
        "      boot) echo boot:none ;;\n" +
        "    esac\n" +
        "  done\n" +
        "fi\n" +
        "exit 0\n";

    public static string Emu()
    {
        var sb = new StringBuilder();
        // mc_setbmc must come first (ipmi-protocol.md §6.3).
        sb.AppendLine("mc_setbmc 0x20");
        sb.AppendLine(Invariant($"mc_add 0x20 {Hex(SimBmc.DeviceId)} no-device-sdrs {Hex(SimBmc.DeviceRevision)} {SimBmc.FirmwareMajor} {Hex(SimBmc.FirmwareMinorBcd)} {Hex(SimBmc.DeviceSupport)} {Hex(SimBmc.ManufacturerId)} {Hex(SimBmc.ProductId)}"));
        sb.AppendLine("sel_enable 0x20 1000 0x0a");
        foreach (byte[] sdr in SimBmc.SdrRecords())
        {
            if (sdr.Length != sdr[4] + 5)
            {
                throw new InvalidOperationException($"SDR type {sdr[3]:X2} has {sdr.Length} bytes, header says {sdr[4] + 5}");
            }

            sb.AppendLine("main_sdr_add 0x20 " + Bytes(sdr));
        }

        // Sensors after their SDRs, so ipmi_sim initialises them from the records; then explicit state.
        foreach (AnalogSensor a in SimBmc.Analog)
        {
            sb.AppendLine(Invariant($"sensor_add 0x20 0 {a.Number} {Hex(a.SensorType)} 0x01"));
            string scanning = a.Scanning ? "scanning" : "no-scanning";
            const string ThresholdEvents = "000000000000000";
            sb.AppendLine(Invariant($"sensor_set_event_support 0x20 0 {a.Number} enable {scanning} per-state {ThresholdEvents} {ThresholdEvents} {ThresholdEvents} {ThresholdEvents}"));
            if (a.Thresholds.Any)
            {
                RawThresholds t = a.Thresholds;
                string mask = Convert.ToString(t.Mask, 2).PadLeft(6, '0');
                sb.AppendLine(Invariant($"sensor_set_threshold 0x20 0 {a.Number} settable {mask} {t.Unr ?? 0} {t.Ucr ?? 0} {t.Unc ?? 0} {t.Lnr ?? 0} {t.Lcr ?? 0} {t.Lnc ?? 0}"));
            }

            sb.AppendLine(Invariant($"sensor_set_value 0x20 0 {a.Number} {a.Raw} 0"));
        }

        foreach (DiscreteSensor d in SimBmc.Discrete)
        {
            sb.AppendLine(Invariant($"sensor_add 0x20 0 {d.Number} {Hex(d.SensorType)} {Hex(d.EventType)}"));
            string states = Convert.ToString(d.SupportedStates, 2).PadLeft(15, '0');
            sb.AppendLine(Invariant($"sensor_set_event_support 0x20 0 {d.Number} enable scanning per-state {states} {states} {states} {states}"));
            foreach (int bit in d.AssertedOffsets)
            {
                sb.AppendLine(Invariant($"sensor_set_bit 0x20 0 {d.Number} {bit} 1 0"));
            }
        }

        foreach (SelEntry e in SimBmc.Sel)
        {
            sb.AppendLine(Invariant($"sel_add 0x20 {Hex(e.RecordType)} ") + Bytes(e.Body));
        }

        AddFru(sb, 0, FruBuilder.Build(SimBmc.Board, SimBmc.Product));
        AddFru(sb, 1, FruBuilder.Build(SimBmc.SecondaryBoard, null));
        sb.AppendLine("mc_enable 0x20");
        return sb.ToString();
    }

    private static void AddFru(StringBuilder sb, int fruId, byte[] image)
    {
        // Size rounded up so the whole image plus some blank space is readable.
        int size = image.Length + 16;
        sb.AppendLine(Invariant($"mc_add_fru_data 0x20 {fruId} {size} data ") + Bytes(image));
    }

    private static string Bytes(IEnumerable<byte> bytes) => string.Join(' ', bytes.Select(b => Hex(b)));

    private static string Hex(int value) => "0x" + value.ToString("x2", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
