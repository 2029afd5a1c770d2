using System.Text.Json.Nodes;

namespace BmcExporter.Simulator.Redfish;

/// <summary>Where a BMC's resources come from: the profile view or a mockup tree.</summary>
internal interface IRedfishResources
{
    /// <summary>A fresh, mutable copy of the resource at <paramref name="path"/> (normalised, no trailing slash), or null.</summary>
    JsonObject? Get(string path, RedfishBmcState bmc);

    /// <summary>LogService.ClearLog on the log service at <paramref name="logService"/>; false when there is none.</summary>
    bool ClearLog(string logService, RedfishBmcState bmc);
}
