using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Fru;

namespace BmcExporter.Ipmi.Client.Operations;

/// <summary>Options of the FRU read.</summary>
public sealed record FruReadOptions
{
    public static FruReadOptions Default { get; } = new();

    /// <summary>First chunk size. Default 32 (ipmitool reads 32-byte chunks where it can).</summary>
    public int InitialChunkSize { get; init; } = 32;

    /// <summary>Smallest chunk tried after 0xCA before giving up. Default 4.</summary>
    public int MinimumChunkSize { get; init; } = 4;

    /// <summary>Retries while the device answers 0x81 (FRU busy). Default 5.</summary>
    public int MaxBusyRetries { get; init; } = 5;

    /// <summary>Pause between busy retries (the spec asks for at least 30 ms). Default 30 ms.</summary>
    public TimeSpan BusyDelay { get; init; } = TimeSpan.FromMilliseconds(30);

    /// <summary>Upper bound on bytes read from one FRU device. Default 8192.</summary>
    public int MaxBytes { get; init; } = 8192;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Address of the controller holding the FRU device. Default the BMC, 0x20.</summary>
    public byte Address { get; init; } = IpmiAddresses.Bmc;
}

/// <summary>A FRU device's inventory: the area info, the bytes read and the decoded areas.</summary>
public sealed record FruReadResult(FruAreaInfo AreaInfo, ReadOnlyMemory<byte> Image, FruInventory Inventory);

/// <summary>
/// Reads a FRU device (IPMI v2.0 §34; protocol reference §3.8): inventory area info, then the common header and
/// each area it points to in chunks; shrinks the chunk on 0xCA, retries 0x81 (busy) after a pause, all bounded.
/// </summary>
public sealed class FruReader
{
    private readonly IIpmiChannel _channel;
    private readonly FruReadOptions _options;
    private readonly byte _fruId;
    private readonly byte _address;
    private int _chunk;
    private bool _wordAccess;

    private FruReader(IIpmiChannel channel, byte fruId, byte address, FruReadOptions options)
    {
        _channel = channel;
        _fruId = fruId;
        _address = address;
        _options = options;
        _chunk = Math.Max(options.MinimumChunkSize, options.InitialChunkSize);
    }

    public static async Task<FruReadResult> ReadAsync(IIpmiChannel channel, byte fruId, FruReadOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        options ??= FruReadOptions.Default;
        var reader = new FruReader(channel, fruId, options.Address, options);
        return await reader.ReadInventoryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<FruReadResult> ReadInventoryAsync(CancellationToken cancellationToken)
    {
        var request = FruCommands.CreateAreaInfoRequest(_fruId, _address);
        var data = await _channel.SendOkAsync(request, cancellationToken).ConfigureAwait(false);
        var areaInfo = FruCommands.DecodeAreaInfoResponse(data.Span);
        _wordAccess = areaInfo.WordAccess;
        var size = Math.Min(areaInfo.Size, _options.MaxBytes);
        if (size < FruCommonHeader.Size)
        {
            throw new IpmiProtocolException($"FRU device {_fruId} reports an inventory of {areaInfo.Size} bytes.");
        }

        var image = new byte[size];
        await ReadRangeAsync(image, 0, FruCommonHeader.Size, cancellationToken).ConfigureAwait(false);
        var end = FruCommonHeader.Size;

        // Common header bytes 2-4: chassis, board and product area offsets in 8-byte units.
        for (var i = 2; i <= 4; i++)
        {
            var start = image[i] * 8;
            if (image[i] == 0 || start + 2 > size)
            {
                continue;
            }

            await ReadRangeAsync(image, start, 2, cancellationToken).ConfigureAwait(false);
            var length = Math.Min(image[start + 1] * 8, size - start);
            await ReadRangeAsync(image, start, length, cancellationToken).ConfigureAwait(false);
            end = Math.Max(end, start + length);
        }

        var used = image.AsMemory(0, end);
        return new FruReadResult(areaInfo, used, FruDecoder.Decode(used.Span));
    }

    private async Task ReadRangeAsync(byte[] image, int offset, int count, CancellationToken cancellationToken)
    {
        var position = offset;
        var limit = offset + count;
        var busyRetries = 0;
        while (position < limit)
        {
            var want = Math.Min(_chunk, limit - position);
            var request = _wordAccess
                ? new FruReadRequest(_fruId, (ushort)(position / 2), (byte)Math.Max(1, want / 2))
                : new FruReadRequest(_fruId, (ushort)position, (byte)want);
            var response = await _channel.SendAsync(FruCommands.CreateReadRequest(request, _address), cancellationToken).ConfigureAwait(false);
            if (response.IsOk)
            {
                var chunk = FruCommands.DecodeReadResponse(response.Data.Span);
                if (chunk.Length == 0)
                {
                    throw new IpmiProtocolException($"FRU device {_fruId} returned no data at offset {position}.");
                }

                var take = Math.Min(chunk.Length, limit - position);
                chunk.Span[..take].CopyTo(image.AsSpan(position));
                position += take;
                continue;
            }

            if (response.CompletionCode == FruCommands.DeviceBusy && busyRetries < _options.MaxBusyRetries)
            {
                busyRetries++;
                await ChannelCalls.DelayAsync(_options.TimeProvider, _options.BusyDelay, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (response.CompletionCode == (byte)CompletionCode.CannotReturnRequestedBytes && _chunk > _options.MinimumChunkSize)
            {
                _chunk = Math.Max(_options.MinimumChunkSize, _chunk / 2);
                continue;
            }

            response.EnsureOk(NetFn.Storage, FruCommands.ReadDataCommand);
        }
    }
}
