using System.Globalization;
using System.Text.Json.Nodes;
using BmcExporter.Simulator.Behaviour;
using BmcExporter.Simulator.Fleet;

namespace BmcExporter.Simulator.Redfish;

/// <summary>Manager "1" (the BMC: Get Device ID's firmware revision as FirmwareVersion), its event log, and the UpdateService.</summary>
internal static class ManagerView
{
    public const string Path = ProfileResources.Root + "/Managers/1";

    public static JsonObject? Get(string[] s, FleetContext fleet, int bmc) => s switch
    {
        [] => Json.Collection(ProfileResources.Root + "/Managers", "#ManagerCollection.ManagerCollection", "Managers", [Path]),
        ["1"] => Manager(fleet, bmc),
        ["1", "LogServices"] => Json.Collection(Path + "/LogServices", "#LogServiceCollection.LogServiceCollection", "Log Services", [Path + "/LogServices/EventLog"]),
        ["1", "LogServices", "EventLog"] => EventLog(),
        ["1", "LogServices", "EventLog", "Entries"] => Json.Collection(Path + "/LogServices/EventLog/Entries", "#LogEntryCollection.LogEntryCollection", "Event log entries", []),
        _ => null,
    };

    public static JsonObject? UpdateService(string[] s, FleetContext fleet) => s switch
    {
        [] => Service(),
        ["FirmwareInventory"] => Json.Collection(ProfileResources.Root + "/UpdateService/FirmwareInventory", "#SoftwareInventoryCollection.SoftwareInventoryCollection", "Firmware",
            [ProfileResources.Root + "/UpdateService/FirmwareInventory/BMC"]),
        ["FirmwareInventory", "BMC"] => Firmware(fleet),
        _ => null,
    };

    /// <summary>"major.minor" as ipmitool prints Get Device ID's firmware revision (minor is BCD, IPMI v2.0 §20.1).</summary>
    public static string FirmwareVersion(FleetContext fleet) =>
        $"{fleet.Profile.Identity.FirmwareMajor}.{fleet.Profile.Identity.FirmwareMinorBcd:x2}";

    /// <summary>A per-BMC UUID from the fleet seed (stable across restarts with the same seed).</summary>
    public static string Uuid(FleetContext fleet, int bmc)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, SimHash.Hash(fleet.Seed, bmc, 0x6001, 0));
        BitConverter.TryWriteBytes(bytes[8..], SimHash.Hash(fleet.Seed, bmc, 0x6001, 8));
        return new Guid(bytes).ToString("D", CultureInfo.InvariantCulture);
    }

    private static JsonObject Manager(FleetContext fleet, int bmc)
    {
        var m = Json.Resource(Path, "#Manager.v1_10_0.Manager", "1", "BMC");
        m["ManagerType"] = "BMC";
        m["Manufacturer"] = fleet.Profile.Fru.BoardManufacturer;
        m["Model"] = $"{fleet.Profile.Name} BMC (product 0x{fleet.Profile.Identity.ProductId:X4})";
        m["FirmwareVersion"] = FirmwareVersion(fleet);
        m["UUID"] = Uuid(fleet, bmc);
        m["Status"] = Json.Status(SimHealth.OK);
        m["LogServices"] = Json.Link(Path + "/LogServices");
        m["Links"] = new JsonObject { ["ManagerForServers"] = Json.Links([SystemView.Path]), ["ManagerForChassis"] = Json.Links([ChassisView.Path]) };
        m["Actions"] = new JsonObject
        {
            ["#Manager.Reset"] = new JsonObject { ["target"] = Path + "/Actions/Manager.Reset", ["ResetType@Redfish.AllowableValues"] = new JsonArray("GracefulRestart") },
        };
        return m;
    }

    private static JsonObject EventLog()
    {
        var l = Json.Resource(Path + "/LogServices/EventLog", "#LogService.v1_1_3.LogService", "EventLog", "BMC event log");
        l["OverWritePolicy"] = "WrapsWhenFull";
        l["ServiceEnabled"] = true;
        l["Entries"] = Json.Link(Path + "/LogServices/EventLog/Entries");
        return l;
    }

    private static JsonObject Service()
    {
        var u = Json.Resource(ProfileResources.Root + "/UpdateService", "#UpdateService.v1_8_0.UpdateService", "UpdateService", "Update Service");
        u["FirmwareInventory"] = Json.Link(ProfileResources.Root + "/UpdateService/FirmwareInventory");
        u["ServiceEnabled"] = false;
        return u;
    }

    private static JsonObject Firmware(FleetContext fleet)
    {
        var f = Json.Resource(ProfileResources.Root + "/UpdateService/FirmwareInventory/BMC", "#SoftwareInventory.v1_2_0.SoftwareInventory", "BMC", "BMC firmware");
        f["Version"] = FirmwareVersion(fleet);
        f["Updateable"] = false;
        f["Status"] = Json.Status(SimHealth.OK);
        return f;
    }
}
