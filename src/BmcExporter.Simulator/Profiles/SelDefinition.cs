using System.Collections.Immutable;

namespace BmcExporter.Simulator.Profiles;

/// <summary>SEL contents: entries present at start, and events appended periodically (IPMI v2.0 §31).</summary>
public sealed record SelDefinition(int Capacity, ImmutableArray<SelEventDefinition> Initial, TimeSpan? GrowthEvery, ImmutableArray<SelEventDefinition> Growth);

/// <summary>
/// A system event record template (type 0x02, IPMI v2.0 §32.1): the sensor it names, the event offset,
/// direction, and for initial entries how long before start it happened.
/// </summary>
public sealed record SelEventDefinition(
    byte SensorType,
    byte SensorNumber,
    byte EventReadingType,
    byte Offset,
    bool Deassertion,
    TimeSpan Age,
    byte Data2,
    byte Data3);

/// <summary>FRU inventory text (IPMI Platform Management FRU Information Storage Definition v1.0).</summary>
/// <remarks>Strings may contain "{bmc}" which is replaced with the BMC index, so serials differ per BMC.</remarks>
public sealed record FruDefinition(
    byte ChassisType,
    string ChassisPartNumber,
    string ChassisSerial,
    string BoardManufacturer,
    string BoardProduct,
    string BoardSerial,
    string BoardPartNumber,
    DateTime BoardManufactured,
    string ProductManufacturer,
    string ProductName,
    string ProductPartNumber,
    string ProductVersion,
    string ProductSerial,
    string ProductAssetTag)
{
    public static string Expand(string template, int bmcIndex) =>
        template.Replace("{bmc}", bmcIndex.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
