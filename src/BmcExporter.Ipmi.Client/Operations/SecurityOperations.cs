using BmcExporter.Ipmi.Commands;

namespace BmcExporter.Ipmi.Client.Operations;

/// <summary>Security reads over an open session: the channel's cipher suites and the session's own privilege.</summary>
public static class SecurityOperations
{
    /// <summary>Most list indexes Get Channel Cipher Suites has (bits 5:0 of the request, IPMI v2.0 §22.15).</summary>
    private const int MaxListIndex = 0x40;

    /// <summary>Get Channel Cipher Suites (IPMI v2.0 §22.15), index by index while 16 record bytes come back; the records parsed.</summary>
    public static async ValueTask<IReadOnlyList<CipherSuiteRecord>> GetChannelCipherSuitesAsync(this IIpmiChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var stream = new List<byte>();
        for (var index = 0; index < MaxListIndex; index++)
        {
            var data = await channel.SendOkAsync(GetChannelCipherSuites.CreateRequest((byte)index), cancellationToken).ConfigureAwait(false);
            var (_, records) = GetChannelCipherSuites.DecodeResponse(data.Span);
            stream.AddRange(records.Span);
            if (records.Length < GetChannelCipherSuites.ChunkSize)
            {
                break;
            }
        }

        return GetChannelCipherSuites.ParseRecords([.. stream]);
    }

    /// <summary>Get Session Info for the current session (IPMI v2.0 §22.20).</summary>
    public static async ValueTask<SessionInfo> GetSessionInfoAsync(this IIpmiChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var data = await channel.SendOkAsync(GetSessionInfo.CreateRequest(), cancellationToken).ConfigureAwait(false);
        return GetSessionInfo.DecodeResponse(data.Span);
    }
}
