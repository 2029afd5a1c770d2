using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Fru;
using BmcExporter.Ipmi.Sdr;
using BmcExporter.Ipmi.Sel;
using BmcExporter.Ipmi.Tests.Sdr;

namespace BmcExporter.Ipmi.Tests.Commands;

/// <summary>Random and mutated inputs only ever decode or raise <see cref="IpmiProtocolException"/>.</summary>
public sealed class DecoderFuzzTests
{
    private delegate void Decoder(ReadOnlySpan<byte> data);

    private static readonly (string Name, Decoder Decode)[] Decoders =
    [
        ("SDR", d => SdrDecoder.Decode(d)),
        ("SEL", d => SelDecoder.Decode(d)),
        ("FRU", d => FruDecoder.Decode(d)),
        ("DeviceId", d => GetDeviceId.DecodeResponse(d)),
        ("Chassis", d => GetChassisStatus.DecodeResponse(d)),
        ("RepositoryInfo", d => GetSdrRepositoryInfo.DecodeResponse(d)),
        ("GetRecord", d => GetRecordResponse.Decode(d)),
        ("DeviceSdrInfo", d => GetDeviceSdrInfo.DecodeResponse(d)),
        ("Reading", d => GetSensorReading.DecodeResponse(d)),
        ("Thresholds", d => GetSensorThresholds.DecodeResponse(d)),
        ("Factors", d => GetSensorReadingFactors.DecodeResponse(d)),
        ("Dcmi", d => Dcmi.DecodePowerReadingResponse(d)),
        ("DcmiCaps", d => Dcmi.DecodeCapabilitiesResponse(d)),
        ("FruInfo", d => FruCommands.DecodeAreaInfoResponse(d)),
        ("FruRead", d => FruCommands.DecodeReadResponse(d)),
        ("CipherSuites", d => GetChannelCipherSuites.ParseRecords(d)),
    ];

    [Fact]
    public void Decode_RandomBytes_OnlyProtocolExceptions()
    {
        var random = new Random(20261125);
        for (var i = 0; i < 3000; i++)
        {
            var bytes = new byte[random.Next(0, 96)];
            random.NextBytes(bytes);
            foreach (var (name, decode) in Decoders)
            {
                AssertOnlyProtocolException(name, bytes, decode);
            }
        }
    }

    [Fact]
    public void Decode_MutatedValidRecords_OnlyProtocolExceptions()
    {
        var random = new Random(7);
        byte[][] seeds =
        [
            SdrVectors.HarnessCpuTemp, SdrVectors.McLocator, SdrVectors.Fan1, SdrVectors.Psu1Status,
            FruEncoder.Encode(new FruChassisInfo { PartNumber = "P" }, new FruBoardInfo { Manufacturer = "M" }, new FruProductInfo { ProductName = "N" }),
        ];
        for (var i = 0; i < 5000; i++)
        {
            var bytes = (byte[])seeds[i % seeds.Length].Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            var length = random.Next(bytes.Length + 1);
            AssertOnlyProtocolException("SDR", bytes.AsSpan(0, length).ToArray(), d => SdrDecoder.Decode(d));
            AssertOnlyProtocolException("FRU", bytes.AsSpan(0, length).ToArray(), d => FruDecoder.Decode(d));
        }
    }

    private static void AssertOnlyProtocolException(string name, byte[] bytes, Decoder decode)
    {
        try
        {
            decode(bytes);
        }
        catch (IpmiProtocolException)
        {
        }
        catch (Exception ex)
        {
            Assert.Fail($"{name} decoder threw {ex.GetType().Name} for {Convert.ToHexString(bytes)}: {ex.Message}");
        }
    }
}
