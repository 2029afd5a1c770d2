using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Fru;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Bmc;

internal sealed partial class SimulatedBmc
{
    private const int MaxFruRead = 64;

    /// <summary>Get FRU Inventory Area Info, IPMI v2.0 §34.1: FRU 0 and every FRU locator's device ID.</summary>
    private byte FruAreaInfo(ReadOnlySpan<byte> data, out byte[]? result)
    {
        var id = FruCommands.DecodeAreaInfoRequest(data);
        if (!HasFru(id))
        {
            return Fail(CompletionCode.NotPresent, out result);
        }

        return Ok(FruCommands.EncodeAreaInfoResponse(new Ipmi.Commands.FruAreaInfo((ushort)FruImage().Length, false)), out result);
    }

    /// <summary>Read FRU Data, IPMI v2.0 §34.2: at most 64 bytes per read (0xCA above that).</summary>
    private byte ReadFru(FruReadRequest request, out byte[]? result)
    {
        if (!HasFru(request.FruId))
        {
            return Fail(CompletionCode.NotPresent, out result);
        }

        if (request.Count > MaxFruRead)
        {
            return Fail(CompletionCode.CannotReturnRequestedBytes, out result);
        }

        var image = FruImage();
        if (request.Offset >= image.Length)
        {
            return Fail(CompletionCode.ParameterOutOfRange, out result);
        }

        var n = Math.Min(request.Count, image.Length - request.Offset);
        return Ok(FruCommands.EncodeReadResponse(image.AsSpan(request.Offset, n)), out result);
    }

    private bool HasFru(byte id) => id == 0 || Profile.Locators.Any(l => !l.IsMc && l.DeviceId == id);

    /// <summary>The BMC's FRU image, built on first use (serials carry the BMC index).</summary>
    private byte[] FruImage()
    {
        if (_fru is not null)
        {
            return _fru;
        }

        var f = Profile.Fru;
        string X(string template) => FruDefinition.Expand(template, Index);
        _fru = FruEncoder.Encode(
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
        return _fru;
    }
}
