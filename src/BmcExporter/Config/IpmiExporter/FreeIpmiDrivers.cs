using BmcExporter.Config.Settings;
using BmcExporter.Config.Yaml;

namespace BmcExporter.Config.IpmiExporter;

/// <summary>
/// ipmi_exporter's <c>driver</c> (FreeIPMI <c>-D</c>/<c>driver-type</c>), with FreeIPMI's spellings: names compare
/// without case, and LAN_2_0 is also <c>lan20</c>, <c>lan_20</c>, <c>lan2_0</c> and ipmitool's <c>lanplus</c>
/// (FreeIPMI common/parsecommon). bmc-exporter always speaks IPMI 2.0 over the LAN.
/// </summary>
internal static class FreeIpmiDrivers
{
    private static readonly string[] Lan20 = ["lan_2_0", "lan20", "lan_20", "lan2_0", "lanplus"];
    private static readonly string[] InBand = ["kcs", "ssif", "openipmi", "open", "sunbmc", "bmc", "inteldcmi"];

    public static void Check(BuildContext c, Located<string>? driver)
    {
        var name = driver?.Value.Trim().ToLowerInvariant();
        if (driver is null || Lan20.Contains(name))
        {
            return;
        }

        if (name == "lan")
        {
            c.Warn(driver, "driver LAN is IPMI 1.5, which bmc-exporter does not speak; it uses IPMI 2.0 (LAN_2_0, RMCP+), which the BMC must offer");
        }
        else if (InBand.Contains(name))
        {
            c.Warn(driver, $"driver {driver.Value} reads the local BMC in-band; bmc-exporter only speaks IPMI over the LAN (LAN_2_0), which is used");
        }
        else
        {
            c.Error(driver, $"'{driver.Value}' is not a FreeIPMI driver (LAN_2_0 or lan20/lanplus, LAN, KCS, SSIF, OPENIPMI, SUNBMC, INTELDCMI)");
        }
    }
}
