using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Fru;
using BmcExporter.Ipmi.Sdr;
using BmcExporter.Ipmi.Sel;

namespace BmcExporter.Fuzz.Targets;

/// <summary>SDR records (decoder, the walk's record check, sensor expansion).</summary>
internal sealed class SdrTarget : IFuzzTarget
{
    public string Name => "sdr";

    public void Run(ReadOnlySpan<byte> data)
    {
        var record = SdrDecoder.Decode(data);
        SdrSensors.Expand([record]);
        if (data.Length >= SdrRecordHeader.Size)
        {
            SdrWalkState.Verify(SdrRecordHeader.Decode(data).RecordId, SdrDecoder.Trim(data));
        }
    }

    public IEnumerable<byte[]> Seeds() => Vectors.Sdrs;
}

/// <summary>SEL records (system event, OEM timestamped and non-timestamped).</summary>
internal sealed class SelTarget : IFuzzTarget
{
    public string Name => "sel";

    public void Run(ReadOnlySpan<byte> data) => SelDecoder.Decode(data);

    public IEnumerable<byte[]> Seeds() => Vectors.Sels;
}

/// <summary>FRU inventory images: common header, chassis, board and product areas.</summary>
internal sealed class FruTarget : IFuzzTarget
{
    public string Name => "fru";

    public void Run(ReadOnlySpan<byte> data) => FruDecoder.Decode(data);

    public IEnumerable<byte[]> Seeds()
    {
        yield return FruEncoder.Encode(
            new FruChassisInfo { PartNumber = "CH-1", SerialNumber = "S1" },
            new FruBoardInfo { Manufacturer = "Acme", ProductName = "Board", SerialNumber = "B1" },
            new FruProductInfo { Manufacturer = "Acme", ProductName = "Server", Version = "1.2", AssetTag = "A-7" });
        yield return FruEncoder.Encode(null, new FruBoardInfo { Manufacturer = "M" }, null);
    }
}
