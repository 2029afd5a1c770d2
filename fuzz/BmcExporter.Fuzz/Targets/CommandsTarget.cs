using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sdr;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Fuzz.Targets;

/// <summary>Command response decoders; the first byte picks the command, the rest is the response data.</summary>
internal sealed class CommandsTarget : IFuzzTarget
{
    private delegate void Decoder(ReadOnlySpan<byte> data);

    private static readonly Decoder[] Decoders =
    [
        d => GetDeviceId.DecodeResponse(d),
        d => GetChassisStatus.DecodeResponse(d),
        d => GetSdrRepositoryInfo.DecodeResponse(d),
        d => GetRecordResponse.Decode(d),
        d => GetDeviceSdrInfo.DecodeResponse(d),
        d => GetSensorReading.DecodeResponse(d),
        d => GetSensorThresholds.DecodeResponse(d),
        d => GetSensorReadingFactors.DecodeResponse(d),
        d => Dcmi.DecodePowerReadingResponse(d),
        d => Dcmi.DecodeCapabilitiesResponse(d),
        d => FruCommands.DecodeAreaInfoResponse(d),
        d => FruCommands.DecodeReadResponse(d),
        d => GetChannelCipherSuites.ParseRecords(d),
        d => ChannelCipherSuites.ParseSuiteIds(d),
        d => ChannelAuthCapabilities.Parse(d),
        d => SelCommands.DecodeGetInfoResponse(d),
        d => Reserve.DecodeResponse(d),
    ];

    public string Name => "commands";

    public void Run(ReadOnlySpan<byte> data)
    {
        if (!data.IsEmpty)
        {
            Decoders[data[0] % Decoders.Length](data[1..]);
        }
    }

    public IEnumerable<byte[]> Seeds()
    {
        byte[][] responses =
        [
            GetDeviceId.EncodeResponse(new DeviceIdInfo { DeviceId = 0x20, FirmwareMajor = 1, FirmwareMinor = 0x23, ManufacturerId = 4753, ProductId = 7 }),
            GetChassisStatus.EncodeResponse(new ChassisStatus(0x01, 0, 0)),
            new RepositoryInfo(0x51, 40, 0xFFFE, 100, 50, 0x02).Encode(),
            new GetRecordResponse(2, Vectors.Sdrs[0]).Encode(),
            GetDeviceSdrInfo.EncodeResponse(new DeviceSdrInfo(4, 0x81, 77)),
            GetSensorReading.EncodeResponse(SensorReadingData.Create(45)),
            GetSensorThresholds.EncodeResponse(new SensorThresholdsData(ThresholdMask.UpperCritical, new RawThresholds(0, 0, 0, 0, 0xD7, 0))),
            [0x00, 0x32, 0x00, 0x00, 0x00, 0x00, 0x00],
            [0xDC, 0x10, 0x00, 0x05, 0x00, 0x20, 0x00, 0x12, 0x00, 0x00, 0x00, 0x00, 0x00, 0xE8, 0x03, 0x00, 0x00, 0x40],
            [0xDC, 0x01, 0x05, 0x02, 0x00, 0x01, 0x00],
            FruCommands.EncodeAreaInfoResponse(new FruAreaInfo(136, false)),
            FruCommands.EncodeReadResponse([1, 2, 3, 4]),
            [0xC0, 0x03, 0x01, 0x41, 0x81, 0xC0, 0x11, 0x03, 0x44, 0x81],
            [0xC0, 0x11, 0x03, 0x44, 0x81],
            [0x01, 0x80, 0x04, 0x02, 0x00, 0x00, 0x00, 0x00],
            new RepositoryInfo(0x51, 9, 0xFFFF, 1000, 10, 0x0A).Encode(),
            Reserve.EncodeResponse(7),
        ];
        for (var i = 0; i < responses.Length; i++)
        {
            yield return [(byte)i, .. responses[i]];
        }
    }
}
