using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sdr;

namespace BmcExporter.Ipmi.Client.Operations;

/// <summary>
/// Walks an SDR repository robustly (IPMI v2.0 §33.12; protocol reference §3.3): repository info, a lazy
/// reservation (0xC1/0xD4 on Reserve mean "continue with reservation 0"), whole-record read first then header +
/// chunks, chunk shrinking on 0xCA/0xFF, bounded re-reservation on 0xC5, 0xC3 on the last record taken as the
/// end, loop guards (next == current, already visited, iteration cap), padded records trimmed, malformed and
/// OEM/unknown records skipped without failing the walk.
/// </summary>
public sealed partial class SdrRepositoryReader
{
    private readonly IIpmiChannel _channel;
    private readonly SdrReadOptions _options;
    private ushort? _reservation;
    private int _reservationRetries;
    private int _requests;
    private int _chunk;

    private SdrRepositoryReader(IIpmiChannel channel, SdrReadOptions options)
    {
        _channel = channel;
        _options = options;
        _chunk = Math.Max(options.MinimumChunkSize, options.InitialChunkSize);
    }

    public static async Task<SdrRepository> ReadAsync(IIpmiChannel channel, SdrReadOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var reader = new SdrRepositoryReader(channel, options ?? SdrReadOptions.Default);
        return await reader.WalkAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<SdrRepository> WalkAsync(CancellationToken cancellationToken)
    {
        // The reported record count is not trusted as a bound (Fujitsu RX100/RX300 report it wrong, protocol
        // reference §5.1): the walk follows next-record IDs, stopped by the visited set and MaxRecords.
        var (info, _) = await ReadInfoAsync(cancellationToken).ConfigureAwait(false);
        var cap = _options.MaxRecords;
        var records = new List<SdrRecord>();
        var skipped = new List<SdrSkip>();
        var visited = new HashSet<ushort>();
        string? stop = null;
        var recordId = GetRecordRequest.First;
        for (var iteration = 0; ; iteration++)
        {
            if (iteration >= cap)
            {
                stop = $"iteration cap {cap} reached";
                break;
            }

            visited.Add(recordId);
            var outcome = await ReadRecordAsync(recordId, cancellationToken).ConfigureAwait(false);
            if (outcome.EndOfRepository)
            {
                // Dell FC830: 0xC3 for the last record; an empty repository answers 0xCB for the first.
                stop = outcome.Reason;
                break;
            }

            if (outcome.Bytes is { } bytes)
            {
                AddRecord(recordId, bytes, records, skipped);
            }
            else
            {
                skipped.Add(new SdrSkip(recordId, outcome.Reason ?? "unreadable"));
            }

            if (outcome.Next is not { } next || next == GetRecordRequest.Last)
            {
                stop = outcome.Next is null ? outcome.Reason : null;
                break;
            }

            if (next == recordId || visited.Contains(next))
            {
                stop = $"loop detected: record 0x{recordId:X4} points to 0x{next:X4}";
                break;
            }

            recordId = next;
        }

        return new SdrRepository
        {
            Info = info,
            Records = records,
            Sensors = SdrSensors.Expand(records),
            Skipped = skipped,
            StopReason = stop,
            RequestCount = _requests,
        };
    }

    private static void AddRecord(ushort requestedId, ReadOnlyMemory<byte> bytes, List<SdrRecord> records, List<SdrSkip> skipped)
    {
        try
        {
            var record = SdrDecoder.Decode(bytes.Span);

            // Supermicro X6: the ID inside the record can differ from the one requested; trust the request
            // (except for 0x0000, "first record", where the record's own ID is the only one known).
            if (requestedId != GetRecordRequest.First && record.RecordId != requestedId)
            {
                record = record with { RecordId = requestedId };
            }

            records.Add(record);
        }
        catch (IpmiProtocolException ex)
        {
            skipped.Add(new SdrSkip(requestedId, ex.Message));
        }
    }

    private async Task<(RepositoryInfo? Info, int Count)> ReadInfoAsync(CancellationToken cancellationToken)
    {
        if (_options.Kind == SdrRepositoryKind.Device)
        {
            var response = await SendAsync(GetDeviceSdrInfo.CreateRequest(), cancellationToken).ConfigureAwait(false);
            response.EnsureOk(NetFn.SensorEvent, GetDeviceSdrInfo.Command);
            return (null, GetDeviceSdrInfo.DecodeResponse(response.Data.Span).Count);
        }

        var data = await SendAsync(GetSdrRepositoryInfo.CreateRequest(), cancellationToken).ConfigureAwait(false);
        data.EnsureOk(GetSdrRepositoryInfo.NetFunction, GetSdrRepositoryInfo.Command);
        var info = GetSdrRepositoryInfo.DecodeResponse(data.Data.Span);
        return (info, info.EntryCount);
    }

    private ValueTask<IpmiResponse> SendAsync(IpmiRequest request, CancellationToken cancellationToken)
    {
        _requests++;
        return _channel.SendAsync(request, cancellationToken);
    }
}
