namespace BmcExporter.Ipmi.Sdr;

/// <summary>SDR record type codes, IPMI v2.0 §43 table 43-1 (protocol reference §4.1).</summary>
public enum SdrRecordType : byte
{
    FullSensor = 0x01,
    CompactSensor = 0x02,
    EventOnly = 0x03,
    EntityAssociation = 0x08,
    DeviceRelativeEntityAssociation = 0x09,
    GenericDeviceLocator = 0x10,
    FruDeviceLocator = 0x11,
    McDeviceLocator = 0x12,
    McConfirmation = 0x13,
    BmcMessageChannelInfo = 0x14,
    Oem = 0xC0,
}
