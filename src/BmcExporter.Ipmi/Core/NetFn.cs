namespace BmcExporter.Ipmi;

/// <summary>Network function codes (request values; the response is request + 1). IPMI v2.0 §5.1, table 5-1.</summary>
public enum NetFn : byte
{
    Chassis = 0x00,
    Bridge = 0x02,
    SensorEvent = 0x04,
    App = 0x06,
    Firmware = 0x08,
    Storage = 0x0A,
    Transport = 0x0C,
    GroupExtension = 0x2C,
    OemGroup = 0x2E,
}
