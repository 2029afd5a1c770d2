using System.Buffers.Binary;
using BmcExporter.Ipmi.Framing;

namespace BmcExporter.Ipmi.Client;

public sealed partial class IpmiSession
{
    /// <summary>Set Session Privilege Level (App 0x3B, IPMI v2.0 §22.18) when more than User is configured.</summary>
    private async ValueTask RaisePrivilegeAsync(CancellationToken cancellationToken)
    {
        if (_options.Privilege <= Ipmi.Session.PrivilegeLevel.User)
        {
            return;
        }

        var header = IpmiMessageHeader.ForRequest(NetFn.App, SetSessionPrivilegeCommand, NextRequestSequence());
        await SendSealedAsync(header, new[] { (byte)_options.Privilege }, "Set Session Privilege Level", cancellationToken).ConfigureAwait(false);
        if (_replyCompletionCode == 0 && _replyData.Length > 0 && (_replyData[0] & 0x0F) < (byte)_options.Privilege)
        {
            _replyCompletionCode = 0x81;
        }

        if (_replyCompletionCode != 0)
        {
            var reason = _replyCompletionCode switch
            {
                0x80 => "requested level not available for this user",
                0x81 => "requested level exceeds the channel or user privilege limit",
                _ => CompletionCodes.Describe(_replyCompletionCode),
            };
            await CloseSessionAsync().ConfigureAwait(false);
            _state = SessionState.Lost;
            throw new IpmiPrivilegeException(
                Target,
                $"BMC {Target} refused privilege {_options.Privilege} for user '{_options.UserName}': completion code 0x{_replyCompletionCode:X2} ({reason}). Lower the Privilege setting.");
        }
    }

    /// <summary>Close Session (App 0x3C, IPMI v2.0 §22.19): sent once, never retransmitted; errors ignored.</summary>
    private async ValueTask CloseSessionAsync()
    {
        var data = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(data, _bmcSessionId);
        var header = IpmiMessageHeader.ForRequest(NetFn.App, CloseSessionCommand, NextRequestSequence());
        var cipher = _cipher;
        if (cipher is null)
        {
            return;
        }

        try
        {
            await ExchangeAsync(
                destination => cipher.SealRequest(destination, _bmcSessionId, NextOutboundSequence(), header, data),
                datagram => MatchInSession(datagram, (byte)(header.NetFn | 1), header.Command, header.Sequence),
                _requestTimer,
                1,
                1,
                "Close Session",
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (IpmiException)
        {
            // Some BMCs never answer Close Session (reference §5.1); the session expires on its own.
        }
    }
}
