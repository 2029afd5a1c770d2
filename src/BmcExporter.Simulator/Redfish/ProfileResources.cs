using System.Text.Json.Nodes;
using BmcExporter.Simulator.Fleet;

namespace BmcExporter.Simulator.Redfish;

/// <summary>
/// The Redfish view of a profile BMC, computed per request from the same model as its IPMI view: one chassis
/// ("1"), one system ("1"), one manager ("1"), the UpdateService firmware inventory and the SEL as a LogService.
/// </summary>
internal sealed class ProfileResources(FleetContext fleet, RedfishServerOptions options) : IRedfishResources
{
    public const string Root = "/redfish/v1";

    private readonly ProfileModel _model = new(fleet.Profile);

    public ProfileModel Model => _model;

    public JsonObject? Get(string path, RedfishBmcState bmc)
    {
        if (!path.StartsWith(Root, StringComparison.Ordinal))
        {
            return null;
        }

        var segments = path[Root.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        var snapshot = new Lazy<BmcSnapshot>(() => new BmcSnapshot(fleet, _model, bmc.Index));
        return segments switch
        {
            [] => ServiceRoot(bmc.Index),
            ["Chassis", ..] => ChassisView.Get(segments[1..], snapshot, options),
            ["Systems", ..] => SystemView.Get(segments[1..], snapshot, bmc),
            ["Managers", ..] => ManagerView.Get(segments[1..], fleet, bmc.Index),
            ["UpdateService", ..] => ManagerView.UpdateService(segments[1..], fleet),
            _ => null,
        };
    }

    public bool ClearLog(string logService, RedfishBmcState bmc)
    {
        if (logService != SystemView.SelPath)
        {
            return false;
        }

        bmc.ClearSel(fleet.Profile.Sel, fleet.Elapsed, fleet.NowUnix);
        return true;
    }

    private JsonObject ServiceRoot(int bmc)
    {
        var root = Json.Resource(Root + "/", "#ServiceRoot.v1_15_0.ServiceRoot", "RootService", "Root Service");
        root["RedfishVersion"] = "1.17.0";
        root["UUID"] = ManagerView.Uuid(fleet, bmc);
        root["Vendor"] = fleet.Profile.Fru.ProductManufacturer;
        root["Product"] = fleet.Profile.Fru.ProductName;
        var features = new JsonObject { ["FilterQuery"] = false, ["SelectQuery"] = false, ["OnlyMemberQuery"] = false };
        if (options.Expand)
        {
            // DSP0266 §7.3.1 and ServiceRoot ProtocolFeaturesSupported: "." (no links) and "*", up to 3 levels.
            features["ExpandQuery"] = new JsonObject { ["ExpandAll"] = true, ["Levels"] = true, ["MaxLevels"] = 3, ["Links"] = false, ["NoLinks"] = true };
        }

        root["ProtocolFeaturesSupported"] = features;
        root["Chassis"] = Json.Link(Root + "/Chassis");
        root["Systems"] = Json.Link(Root + "/Systems");
        root["Managers"] = Json.Link(Root + "/Managers");
        root["UpdateService"] = Json.Link(Root + "/UpdateService");
        if (options.Sessions)
        {
            root["SessionService"] = Json.Link(Root + "/SessionService");
            root["Links"] = new JsonObject { ["Sessions"] = Json.Link(Root + "/SessionService/Sessions") };
        }

        return root;
    }
}
