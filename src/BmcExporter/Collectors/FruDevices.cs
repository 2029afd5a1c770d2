using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Sdr;

namespace BmcExporter.Collectors;

/// <summary>A FRU device the <c>fru</c> collector reads: its logical FRU device ID and the name its locator gives.</summary>
/// <param name="Id">Logical FRU device ID (IPMI v2.0 §34: the FRU Device ID field of Get FRU Inventory Area Info / Read FRU Data).</param>
/// <param name="Name">The FRU Device Locator's ID string, <see cref="FruDevices.BuiltinName"/> for FRU 0.</param>
public readonly record struct FruDevice(byte Id, string Name)
{
    /// <summary>How messages name the device: "FRU device 1 (PSU FRU)".</summary>
    public string Description => $"FRU device {Id} ({Name})";
}

/// <summary>
/// The FRU devices to read: FRU 0 (the BMC's built-in FRU device, always asked as ipmitool does), then every logical
/// FRU device at the BMC that a FRU Device Locator record names (IPMI v2.0 §43.8: logical device, access address 0x20,
/// access LUN 0, private bus 0). Locators of non-intelligent devices behind a private bus or another controller
/// (physical FRU devices, read through Master Write-Read or bridging, §22.11) are left out, and counted.
/// </summary>
public static class FruDevices
{
    /// <summary>The name FRU 0 carries, as ipmitool prints it ("Builtin FRU Device (ID 0)").</summary>
    public const string BuiltinName = "Builtin FRU Device";

    /// <summary>
    /// The devices of <paramref name="records"/>, FRU 0 first and then in record order; the first locator of an ID
    /// wins (a second locator of FRU 0 or of a listed ID adds nothing). Records that fail to decode are skipped.
    /// </summary>
    public static (IReadOnlyList<FruDevice> Devices, int SkippedPhysical) From(IEnumerable<SdrRawRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var devices = new List<FruDevice> { new(0, BuiltinName) };
        var seen = new HashSet<byte> { 0 };
        var skipped = 0;
        foreach (var raw in records)
        {
            // Header byte 3 is the record type (IPMI v2.0 §43): decode only FRU Device Locators.
            if (raw.Bytes.Length < 4 || raw.Bytes.Span[3] != (byte)SdrRecordType.FruDeviceLocator)
            {
                continue;
            }

            FruDeviceLocatorRecord locator;
            try
            {
                if (SdrDecoder.Decode(raw.Bytes.Span) is not FruDeviceLocatorRecord decoded)
                {
                    continue;
                }

                locator = decoded;
            }
            catch (IpmiProtocolException)
            {
                continue;
            }

            if (!IsLogicalOnBmc(locator))
            {
                skipped++;
                continue;
            }

            if (seen.Add(locator.FruDeviceId))
            {
                var name = locator.IdString.Trim();
                devices.Add(new FruDevice(locator.FruDeviceId, name.Length > 0 ? name : $"FRU Device {locator.FruDeviceId}"));
            }
        }

        return (devices, skipped);
    }

    /// <summary>A logical FRU device the BMC itself answers for over this session (§43.8 bytes 6-8).</summary>
    public static bool IsLogicalOnBmc(FruDeviceLocatorRecord locator)
    {
        ArgumentNullException.ThrowIfNull(locator);
        return locator.IsLogicalFruDevice && locator.DeviceAccessAddress == IpmiAddresses.Bmc && locator.AccessLun == 0 && locator.PrivateBusId == 0;
    }
}
