using System.Text.Json.Nodes;

namespace BmcExporter.Simulator.Redfish;

/// <summary>
/// System "1": identity from the FRU product area, PowerState from the chassis status, processors and memory from
/// the processor/memory sensors, drives (Storage "1") from the drive-slot sensors, and the SEL as LogService "SEL".
/// </summary>
internal static class SystemView
{
    public const string Path = ProfileResources.Root + "/Systems/1";
    public const string SelPath = Path + "/LogServices/SEL";

    public static JsonObject? Get(string[] s, Lazy<BmcSnapshot> snap, RedfishBmcState bmc)
    {
        return s switch
        {
            [] => Json.Collection(ProfileResources.Root + "/Systems", "#ComputerSystemCollection.ComputerSystemCollection", "Computer Systems", [Path]),
            ["1"] => System(snap.Value),
            ["1", "Processors"] => Parts(Path + "/Processors", "#ProcessorCollection.ProcessorCollection", snap.Value.PartsOf(ProfileModel.ProcessorType)),
            ["1", "Processors", var id] => Part(snap.Value, Path + "/Processors", "#Processor.v1_10_0.Processor", ProfileModel.ProcessorType, id),
            ["1", "Memory"] => Parts(Path + "/Memory", "#MemoryCollection.MemoryCollection", snap.Value.PartsOf(ProfileModel.MemoryType)),
            ["1", "Memory", var id] => Part(snap.Value, Path + "/Memory", "#Memory.v1_10_0.Memory", ProfileModel.MemoryType, id),
            ["1", "Storage"] => Json.Collection(Path + "/Storage", "#StorageCollection.StorageCollection", "Storage", [Path + "/Storage/1"]),
            ["1", "Storage", "1"] => Storage(snap.Value),
            ["1", "Storage", "1", "Drives", var id] => Part(snap.Value, Path + "/Storage/1/Drives", "#Drive.v1_9_0.Drive", ProfileModel.DriveSlotType, id),
            ["1", "LogServices"] => Json.Collection(Path + "/LogServices", "#LogServiceCollection.LogServiceCollection", "Log Services", [SelPath]),
            ["1", "LogServices", "SEL"] => LogService(snap.Value),
            ["1", "LogServices", "SEL", "Entries"] => Entries(snap.Value, bmc),
            ["1", "LogServices", "SEL", "Entries", var id] => SelEntries.All(snap.Value, bmc, SelPath + "/Entries").FirstOrDefault(e => (string?)e["Id"] == id),
            _ => null,
        };
    }

    private static JsonObject System(BmcSnapshot snap)
    {
        var profile = snap.Model.Profile;
        var f = profile.Fru;
        string X(string t) => Profiles.FruDefinition.Expand(t, snap.Bmc);
        var cpu = snap.Worst(snap.PartsHealth(ProfileModel.ProcessorType));
        var memory = snap.Worst(snap.PartsHealth(ProfileModel.MemoryType));
        var drives = snap.Worst(snap.PartsHealth(ProfileModel.DriveSlotType));
        var own = snap.Worst([cpu, memory]);
        var s = Json.Resource(Path, "#ComputerSystem.v1_13_0.ComputerSystem", "1", X(f.ProductName));
        s["SystemType"] = "Physical";
        s["Manufacturer"] = X(f.ProductManufacturer);
        s["Model"] = X(f.ProductName);
        s["SerialNumber"] = X(f.ProductSerial);
        s["PartNumber"] = X(f.ProductPartNumber);
        s["AssetTag"] = X(f.ProductAssetTag);
        s["UUID"] = ManagerView.Uuid(snap.Fleet, snap.Bmc);
        s["PowerState"] = profile.Chassis.PowerOn ? "On" : "Off";
        s["Status"] = Json.Status(own, rollup: snap.Worst([own, drives, snap.ChassisHealth]));
        s["ProcessorSummary"] = new JsonObject { ["Count"] = snap.PartsOf(ProfileModel.ProcessorType).Count(), ["Status"] = Json.Status(cpu, rollup: cpu) };
        s["MemorySummary"] = new JsonObject { ["Status"] = Json.Status(memory, rollup: memory) };
        s["Processors"] = Json.Link(Path + "/Processors");
        s["Memory"] = Json.Link(Path + "/Memory");
        s["Storage"] = Json.Link(Path + "/Storage");
        s["LogServices"] = Json.Link(Path + "/LogServices");
        s["Links"] = new JsonObject { ["Chassis"] = Json.Links([ChassisView.Path]), ["ManagedBy"] = Json.Links([ManagerView.Path]) };
        s["Boot"] = new JsonObject { ["BootSourceOverrideEnabled"] = "Disabled", ["BootSourceOverrideTarget"] = "None" };
        // Advertised as real BMCs do (clients such as sushy require it); the simulator answers the POST with 405.
        s["Actions"] = new JsonObject
        {
            ["#ComputerSystem.Reset"] = new JsonObject
            {
                ["target"] = Path + "/Actions/ComputerSystem.Reset",
                ["ResetType@Redfish.AllowableValues"] = new JsonArray("On", "ForceOff", "GracefulShutdown", "ForceRestart"),
            },
        };
        return s;
    }

    private static JsonObject Parts(string path, string type, IEnumerable<SimPart> parts) =>
        Json.Collection(path, type, path[(path.LastIndexOf('/') + 1)..], parts.Select(p => $"{path}/{p.Id}"));

    private static JsonObject? Part(BmcSnapshot snap, string path, string type, byte sensorType, string id)
    {
        if (snap.PartsOf(sensorType).FirstOrDefault(p => p.Id == id) is not { } part)
        {
            return null;
        }

        var o = Json.Resource($"{path}/{id}", type, id, part.Name);
        o["Status"] = Json.Status(snap.HealthOf(part));
        return o;
    }

    private static JsonObject Storage(BmcSnapshot snap)
    {
        var drives = snap.PartsOf(ProfileModel.DriveSlotType).ToList();
        var health = snap.Worst(snap.PartsHealth(ProfileModel.DriveSlotType));
        var s = Json.Resource(Path + "/Storage/1", "#Storage.v1_8_0.Storage", "1", "Storage Controller");
        s["Status"] = Json.Status(SimHealth.OK, rollup: health);
        s["StorageControllers"] = new JsonArray(new JsonObject
        {
            ["@odata.id"] = Path + "/Storage/1#/StorageControllers/0",
            ["MemberId"] = "0",
            ["Name"] = "Simulated SATA controller",
            ["Status"] = Json.Status(SimHealth.OK),
        });
        s["Drives"] = Json.Links(drives.Select(d => $"{Path}/Storage/1/Drives/{d.Id}"));
        s["Drives@odata.count"] = drives.Count;
        return s;
    }

    private static JsonObject LogService(BmcSnapshot snap)
    {
        var l = Json.Resource(SelPath, "#LogService.v1_1_3.LogService", "SEL", "IPMI System Event Log");
        l["MaxNumberOfRecords"] = snap.Model.Profile.Sel.Capacity;
        l["OverWritePolicy"] = "NeverOverWrites";
        l["ServiceEnabled"] = true;
        l["Status"] = Json.Status(SimHealth.OK);
        l["Entries"] = Json.Link(SelPath + "/Entries");
        l["Actions"] = new JsonObject { ["#LogService.ClearLog"] = new JsonObject { ["target"] = SelPath + "/Actions/LogService.ClearLog" } };
        return l;
    }

    /// <summary>Members inline (as most BMCs serve log entries); the HTTP layer pages them.</summary>
    private static JsonObject Entries(BmcSnapshot snap, RedfishBmcState bmc)
    {
        var members = new JsonArray([.. SelEntries.All(snap, bmc, SelPath + "/Entries")]);
        return new JsonObject
        {
            ["@odata.id"] = SelPath + "/Entries",
            ["@odata.type"] = "#LogEntryCollection.LogEntryCollection",
            ["Name"] = "SEL entries",
            ["Members@odata.count"] = members.Count,
            ["Members"] = members,
        };
    }
}
