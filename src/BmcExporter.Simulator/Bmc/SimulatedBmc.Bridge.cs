using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Framing;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Bmc;

internal sealed partial class SimulatedBmc
{
    /// <summary>Send Message completion code "NAK on write" (IPMI v2.0 §22.7, table 22-10): nobody acknowledged the IPMB request.</summary>
    private const byte NakOnWrite = 0x83;

    /// <summary>
    /// Send Message, App 0x34 (IPMI v2.0 §22.7, §6.13): a request bridged to this BMC's own address on the primary
    /// IPMB (channel 0) runs as if it had come directly, with its LUN, and its IPMB response is embedded in the Send
    /// Message response data (one of the two delivery forms §6.13 allows). The simulated BMC has no satellite
    /// controllers, so any other address or channel is NAKed. The <c>altbridging</c> quirk NAKs the request to
    /// itself too: FreeIPMI's usual bridging of the BMC's LUN 1-3 sensors then fails, as on the Lenovo SR650 v3,
    /// while requests that carry the LUN in their own header still work.
    /// </summary>
    private byte SendMessage(ReadOnlySpan<byte> requestData, BmcSession session, Span<byte> response, out int length, TimeSpan elapsed)
    {
        length = 0;
        _fleet.Statistics.OnSendMessage();
        byte channel;
        IpmiRequestMessage inner;
        try
        {
            inner = SendMessageBridge.ParseRequestData(requestData, out channel);
        }
        catch (IpmiProtocolException)
        {
            return (byte)CompletionCode.RequestDataLengthInvalid;
        }

        if (channel != 0 || inner.Header.ResponderAddress != IpmiAddresses.Bmc || (Quirks & QuirkSet.NoSelfBridging) != 0)
        {
            _fleet.Statistics.OnBridgeRefused();
            return NakOnWrite;
        }

        Span<byte> innerData = stackalloc byte[response.Length - IpmiLanMessage.ResponseOverhead];
        var cc = Dispatch(inner.Header, inner.Data, session, innerData, out var innerLength, elapsed);
        length = SendMessageBridge.WriteEmbeddedResponseData(response, inner.Header, cc, innerData[..innerLength]);
        return 0;
    }
}
