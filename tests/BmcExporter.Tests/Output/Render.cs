using System.IO.Compression;
using System.Text;
using BmcExporter.Output.Prometheus;
using BmcExporter.Snapshots;

namespace BmcExporter.Tests.Output;

/// <summary>Test shortcuts around the renderer and response bodies.</summary>
internal static class Render
{
    /// <summary>The <c>/ipmi</c> page of one snapshot, as text.</summary>
    public static string Ipmi(TargetSnapshot snapshot, TargetStats? stats = null, ExpositionFormat format = ExpositionFormat.Text) =>
        Encoding.UTF8.GetString(ExpositionBody.Single(TargetRenderer.Render(snapshot, stats, RenderVariant.Ipmi), format, gzip: false).ToArray());

    /// <summary>A fleet view holding <paramref name="snapshots"/> as members, stored in order.</summary>
    public static FleetView Fleet(TargetStatsRegistry stats, params TargetSnapshot[] snapshots)
    {
        var store = new SnapshotStore();
        var fleet = new FleetView(store, stats);
        fleet.SetMembers(snapshots.Select(s => s.Target));
        foreach (var snapshot in snapshots)
        {
            store.Put(snapshot);
        }

        return fleet;
    }

    /// <summary>The fleet page as bytes; <paramref name="tail"/> stands for the process-wide block.</summary>
    public static byte[] FleetBody(FleetView fleet, ExpositionFormat format, bool gzip, string tail = "") =>
        ExpositionBody.Fleet(fleet.Capture(), Encoding.UTF8.GetBytes(tail), format, gzip).ToArray();

    /// <summary>Decompresses a gzip body with .NET's decoder.</summary>
    public static string Gunzip(byte[] body)
    {
        using var input = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
