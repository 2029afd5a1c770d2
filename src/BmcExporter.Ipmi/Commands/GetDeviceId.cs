using System.Buffers.Binary;

namespace BmcExporter.Ipmi.Commands;

/// <summary>Get Device ID, App 0x01, no request data (IPMI v2.0 §20.1; protocol reference §3.1).</summary>
public static class GetDeviceId
{
    public const NetFn NetFunction = NetFn.App;
    public const byte Command = 0x01;

    public static IpmiRequest CreateRequest() => new(NetFunction, Command, ReadOnlyMemory<byte>.Empty);

    public static DeviceIdInfo DecodeResponse(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        var deviceId = r.ReadByte("device ID");
        var revision = r.ReadByte("device revision");
        var fwMajor = r.ReadByte("firmware major revision");
        var fwMinor = r.ReadByte("firmware minor revision");
        var ipmiVersion = r.ReadByte("IPMI version");
        var support = r.ReadByte("additional device support");
        var manufacturer = r.ReadBytes(3, "manufacturer ID");
        var product = r.ReadUInt16("product ID");
        var aux = r.Remaining >= 4 ? r.ReadBytes(4, "auxiliary firmware revision").ToArray() : null;
        return new DeviceIdInfo
        {
            DeviceId = deviceId,
            ProvidesDeviceSdrs = (revision & 0x80) != 0,
            DeviceRevision = (byte)(revision & 0x0F),
            DeviceBusy = (fwMajor & 0x80) != 0,
            FirmwareMajor = (byte)(fwMajor & 0x7F),
            FirmwareMinor = fwMinor,
            IpmiVersion = ipmiVersion,
            AdditionalDeviceSupport = support,
            ManufacturerId = (uint)(manufacturer[0] | (manufacturer[1] << 8) | ((manufacturer[2] & 0x0F) << 16)),
            ProductId = product,
            AuxiliaryFirmwareRevision = aux,
        };
    }

    public static byte[] EncodeResponse(DeviceIdInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var aux = info.AuxiliaryFirmwareRevision;
        var buffer = new byte[11 + (aux is null ? 0 : 4)];
        buffer[0] = info.DeviceId;
        buffer[1] = (byte)((info.ProvidesDeviceSdrs ? 0x80 : 0) | (info.DeviceRevision & 0x0F));
        buffer[2] = (byte)((info.DeviceBusy ? 0x80 : 0) | (info.FirmwareMajor & 0x7F));
        buffer[3] = info.FirmwareMinor;
        buffer[4] = info.IpmiVersion;
        buffer[5] = info.AdditionalDeviceSupport;
        buffer[6] = (byte)info.ManufacturerId;
        buffer[7] = (byte)(info.ManufacturerId >> 8);
        buffer[8] = (byte)((info.ManufacturerId >> 16) & 0x0F);
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(9), info.ProductId);
        aux?.AsSpan(0, Math.Min(4, aux.Length)).CopyTo(buffer.AsSpan(11));
        return buffer;
    }
}

/// <summary>Decoded Get Device ID response.</summary>
public sealed record DeviceIdInfo
{
    public byte DeviceId { get; init; }

    public bool ProvidesDeviceSdrs { get; init; }

    public byte DeviceRevision { get; init; }

    /// <summary>Device firmware, SDR repository update or self-initialization in progress.</summary>
    public bool DeviceBusy { get; init; }

    public byte FirmwareMajor { get; init; }

    /// <summary>Minor firmware revision, BCD (0x08 means ".08").</summary>
    public byte FirmwareMinor { get; init; }

    /// <summary>IPMI version, BCD with the major version in the low nibble (0x02 = 2.0, 0x51 = 1.5).</summary>
    public byte IpmiVersion { get; init; } = 0x02;

    /// <summary>b7 chassis, b6 bridge, b5 event generator, b4 event receiver, b3 FRU, b2 SEL, b1 SDR repository, b0 sensor device.</summary>
    public byte AdditionalDeviceSupport { get; init; }

    /// <summary>20-bit IANA enterprise number.</summary>
    public uint ManufacturerId { get; init; }

    public ushort ProductId { get; init; }

    /// <summary>Four optional vendor bytes, null when the BMC omits them.</summary>
    public byte[]? AuxiliaryFirmwareRevision { get; init; }

    /// <summary>"major.minor" as ipmitool prints it, e.g. "9.08".</summary>
    public string FirmwareRevision => $"{FirmwareMajor}.{FirmwareMinor:x2}";

    /// <summary>"2.0" style version string.</summary>
    public string IpmiVersionText => $"{IpmiVersion & 0x0F}.{IpmiVersion >> 4}";

    public bool SupportsSdrRepository => (AdditionalDeviceSupport & 0x02) != 0;

    public bool SupportsSel => (AdditionalDeviceSupport & 0x04) != 0;

    public bool SupportsFru => (AdditionalDeviceSupport & 0x08) != 0;

    public bool SupportsChassis => (AdditionalDeviceSupport & 0x80) != 0;
}
