namespace BmcExporter.Ipmi.Framing;

/// <summary>
/// Bridging through the BMC with Send Message, App netFn command 0x34 (IPMI v2.0 §22.7 and §6.13; reference §3.9).
/// The outer request data is <c>[0x40 | channel]</c> (track request) followed by a complete IPMB request to the
/// target controller, with the BMC as IPMB requester. The answer arrives either embedded in the Send Message
/// response data or as a separate response message carrying the bridged command.
/// </summary>
public static class SendMessageBridge
{
    public const byte Command = 0x34;

    /// <summary>Bits 7:6 = 01b: track request, so the BMC routes the IPMB response back to us.</summary>
    public const byte TrackRequest = 0x40;

    /// <summary>Length of Send Message request data wrapping <paramref name="innerDataLength"/> bytes of bridged request data.</summary>
    public static int GetRequestDataLength(int innerDataLength) => 1 + IpmiLanMessage.GetRequestLength(innerDataLength);

    /// <summary>
    /// Writes the Send Message request data: channel byte, then the IPMB request addressed to
    /// <paramref name="targetAddress"/>/<paramref name="targetLun"/> with the BMC (0x20) as requester.
    /// </summary>
    public static int WriteRequestData(
        Span<byte> destination, byte channel, byte targetAddress, byte targetLun, NetFn netFn, byte command, byte sequence, ReadOnlySpan<byte> data)
    {
        var length = GetRequestDataLength(data.Length);
        if (destination.Length < length)
        {
            throw new ArgumentException($"Destination needs {length} bytes.", nameof(destination));
        }

        destination[0] = (byte)(TrackRequest | (channel & 0x0F));
        var inner = new IpmiMessageHeader(targetAddress, (byte)netFn, targetLun, IpmiAddresses.Bmc, (byte)(sequence & 0x3F), 0, command);
        IpmiLanMessage.WriteRequest(destination[1..], inner, data);
        return length;
    }

    /// <summary>
    /// Parses Send Message request data (BMC side): the channel and the embedded IPMB request.
    /// </summary>
    public static IpmiRequestMessage ParseRequestData(ReadOnlySpan<byte> sendMessageData, out byte channel)
    {
        var reader = new SpanReader(sendMessageData);
        channel = (byte)(reader.ReadByte("Send Message channel") & 0x0F);
        return IpmiLanMessage.ParseRequest(reader.RemainingSpan);
    }

    /// <summary>
    /// True when the Send Message response data embeds the bridged IPMB response (some BMCs do this; others
    /// deliver it in a separate packet). <paramref name="embedded"/> is then the decoded inner response.
    /// </summary>
    public static bool TryParseEmbeddedResponse(ReadOnlySpan<byte> sendMessageResponseData, out IpmiResponseMessage embedded)
    {
        if (sendMessageResponseData.Length < IpmiLanMessage.ResponseOverhead)
        {
            embedded = default;
            return false;
        }

        embedded = IpmiLanMessage.ParseResponse(sendMessageResponseData);
        return true;
    }

    /// <summary>Writes a Send Message response embedding the IPMB response of the bridged target (BMC side).</summary>
    public static int WriteEmbeddedResponseData(Span<byte> destination, in IpmiMessageHeader innerRequestHeader, byte completionCode, ReadOnlySpan<byte> data)
        => IpmiLanMessage.WriteResponse(destination, innerRequestHeader.ToResponse(), completionCode, data);
}
