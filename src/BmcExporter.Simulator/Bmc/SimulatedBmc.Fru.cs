using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Fru;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Bmc;

internal sealed partial class SimulatedBmc
{
    private const int MaxFruRead = 64;

    /// <summary>
    /// Get FRU Inventory Area Info, IPMI v2.0 §34.1: FRU 0 and every present FRU locator's device ID; 0xCB (not
    /// present) for any other ID and for a locator marked <c>present: false</c>.
    /// </summary>
    private byte FruAreaInfo(ReadOnlySpan<byte> data, out byte[]? result)
    {
        var id = FruCommands.DecodeAreaInfoRequest(data);
        if (FruImage(id) is not { } image)
        {
            return Fail(CompletionCode.NotPresent, out result);
        }

        return Ok(FruCommands.EncodeAreaInfoResponse(new Ipmi.Commands.FruAreaInfo((ushort)image.Length, false)), out result);
    }

    /// <summary>Read FRU Data, IPMI v2.0 §34.2: at most 64 bytes per read (0xCA above that).</summary>
    private byte ReadFru(FruReadRequest request, out byte[]? result)
    {
        if (FruImage(request.FruId) is not { } image)
        {
            return Fail(CompletionCode.NotPresent, out result);
        }

        if (request.Count > MaxFruRead)
        {
            return Fail(CompletionCode.CannotReturnRequestedBytes, out result);
        }

        if (request.Offset >= image.Length)
        {
            return Fail(CompletionCode.ParameterOutOfRange, out result);
        }

        var n = Math.Min(request.Count, image.Length - request.Offset);
        return Ok(FruCommands.EncodeReadResponse(image.AsSpan(request.Offset, n)), out result);
    }

    /// <summary>
    /// The image of FRU device <paramref name="id"/>: FRU 0 is the profile's <c>fru</c>; a FRU locator's device has its
    /// own <c>fru</c> when the profile gives one, else FRU 0's image; <c>null</c> when there is no such present device.
    /// </summary>
    private byte[]? FruImage(byte id)
    {
        if (id == 0)
        {
            return _fru ??= Encode(Profile.Fru);
        }

        var locator = Profile.Locators.FirstOrDefault(l => !l.IsMc && l.DeviceId == id);
        if (locator is null || !locator.Present)
        {
            return null;
        }

        if (locator.Fru is null)
        {
            return FruImage(0);
        }

        _locatorFru ??= [];
        if (!_locatorFru.TryGetValue(id, out var image))
        {
            image = Encode(locator.Fru);
            _locatorFru[id] = image;
        }

        return image;
    }

    /// <summary>The FRU image of <paramref name="f"/> for this BMC (serials carry the BMC index).</summary>
    private byte[] Encode(FruDefinition f)
    {
        string X(string template) => FruDefinition.Expand(template, Index);
        return FruEncoder.Encode(
            new FruChassisInfo { ChassisType = f.ChassisType, PartNumber = X(f.ChassisPartNumber), SerialNumber = X(f.ChassisSerial) },
            new FruBoardInfo
            {
                ManufacturingMinutes = FruBoardInfo.ToMinutes(new DateTimeOffset(f.BoardManufactured, TimeSpan.Zero)),
                Manufacturer = X(f.BoardManufacturer),
                ProductName = X(f.BoardProduct),
                SerialNumber = X(f.BoardSerial),
                PartNumber = X(f.BoardPartNumber),
            },
            new FruProductInfo
            {
                Manufacturer = X(f.ProductManufacturer),
                ProductName = X(f.ProductName),
                PartNumber = X(f.ProductPartNumber),
                Version = X(f.ProductVersion),
                SerialNumber = X(f.ProductSerial),
                AssetTag = X(f.ProductAssetTag),
            });
    }
}
