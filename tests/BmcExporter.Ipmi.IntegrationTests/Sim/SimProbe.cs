using System.Net;
using System.Net.Sockets;

namespace BmcExporter.Ipmi.IntegrationTests.Sim;

/// <summary>
/// Readiness probe independent of the product: a pre-session Get Channel Authentication Capabilities in IPMI 1.5
/// framing (IPMI v2.0 §13.6, §22.13), repeated until any datagram comes back or the attempt budget is spent.
/// </summary>
internal static class SimProbe
{
    public static async Task<bool> WaitUntilAnswersAsync(string host, int port, int attempts, TimeSpan perAttempt, Func<bool> stillRunning, CancellationToken cancellationToken)
    {
        byte[] request = BuildAuthCapsRequest();
        using var udp = new UdpClient(AddressFamily.InterNetwork);
        udp.Connect(IPAddress.Parse(host), port);
        for (int i = 0; i < attempts; i++)
        {
            if (!stillRunning())
            {
                return false;
            }

            try
            {
                await udp.SendAsync(request, cancellationToken);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(perAttempt);
                UdpReceiveResult reply = await udp.ReceiveAsync(timeout.Token);
                if (reply.Buffer.Length >= 4 && reply.Buffer[0] == 0x06)
                {
                    return true;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // no answer within this attempt
            }
            catch (SocketException)
            {
                // ICMP port unreachable surfaces here while the simulator is still starting
                await Task.Delay(perAttempt, cancellationToken);
            }
        }

        return false;
    }

    private static byte[] BuildAuthCapsRequest()
    {
        // IPMI message: rsAddr 0x20, netFn App (0x06) << 2, checksum, rqAddr 0x81, rqSeq 0, cmd 0x38,
        // data: channel 0x0E (this channel) | 0x80 (IPMI 2.0 extended data), privilege 4 (admin), checksum.
        byte[] message = [0x20, 0x18, 0x00, 0x81, 0x00, 0x38, 0x8E, 0x04, 0x00];
        message[2] = Checksum(message.AsSpan(0, 2));
        message[8] = Checksum(message.AsSpan(3, 5));
        // RMCP header (version 6, reserved, seq 0xFF, class IPMI) + IPMI 1.5 session header with auth type none.
        byte[] header = [0x06, 0x00, 0xFF, 0x07, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, (byte)message.Length];
        return [.. header, .. message];
    }

    private static byte Checksum(ReadOnlySpan<byte> bytes)
    {
        int sum = 0;
        foreach (byte b in bytes)
        {
            sum += b;
        }

        return (byte)(-sum & 0xFF);
    }
}
