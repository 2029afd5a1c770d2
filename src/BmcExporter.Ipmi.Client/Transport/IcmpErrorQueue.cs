using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace BmcExporter.Ipmi.Client.Transport;

/// <summary>
/// ICMP errors on an unconnected (shared) UDP socket, Linux only. With IP_RECVERR / IPV6_RECVERR set, the kernel
/// queues each ICMP error (port or host unreachable) with the address of the datagram that caused it, and the
/// next receive fails with that error (ip(7), ipv6(7)). <see cref="TryRead"/> drains one entry of that queue
/// (recvmsg with MSG_ERRQUEUE), so the multiplexer can hand the error to the one session whose BMC it concerns.
/// Elsewhere nothing is enabled and shared sockets report no ICMP errors (sessions then time out).
/// </summary>
internal static partial class IcmpErrorQueue
{
    private const int SolIp = 0;
    private const int IpRecvErr = 11;
    private const int SolIpv6 = 41;
    private const int Ipv6RecvErr = 25;
    private const int MsgErrQueue = 0x2000;
    private const int MsgDontWait = 0x40;
    private const int MaxNameBytes = 128;
    private const int ControlBytes = 512;

    /// <summary>Asks the kernel to queue ICMP errors on <paramref name="socket"/>; false where unsupported.</summary>
    public static bool Enable(Socket socket)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var on = BitConverter.GetBytes(1);
            if (socket.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.SetRawSocketOption(SolIpv6, Ipv6RecvErr, on);
            }
            else
            {
                socket.SetRawSocketOption(SolIp, IpRecvErr, on);
            }

            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads one queued error without blocking: the peer the failed datagram was sent to and the error number
    /// (ECONNREFUSED 111, EHOSTUNREACH 113, ENETUNREACH 101). False when the queue is empty.
    /// </summary>
    public static unsafe bool TryRead(Socket socket, SocketAddress peer, out SocketError error)
    {
        error = SocketError.Success;
        byte* name = stackalloc byte[MaxNameBytes];
        byte* control = stackalloc byte[ControlBytes];
        byte* data = stackalloc byte[16];
        var iov = new IoVector { Base = data, Length = 16 };
        var message = new MessageHeader { Name = name, NameLength = MaxNameBytes, Vector = &iov, VectorCount = 1, Control = control, ControlLength = ControlBytes };
        bool added = false;
        var handle = socket.SafeHandle;
        try
        {
            handle.DangerousAddRef(ref added);
            if (RecvMsg((int)handle.DangerousGetHandle(), &message, MsgErrQueue | MsgDontWait) < 0)
            {
                return false;
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }

        var nameLength = (int)Math.Min(message.NameLength, (uint)peer.Buffer.Length);
        if (nameLength <= 0)
        {
            return false;
        }

        peer.Size = nameLength;
        new ReadOnlySpan<byte>(name, nameLength).CopyTo(peer.Buffer.Span);

        // struct cmsghdr { size_t len; int level; int type; } then struct sock_extended_err { u32 ee_errno; ... }.
        var headerBytes = sizeof(nuint) + 8;
        if ((long)message.ControlLength >= headerBytes + 4)
        {
            var errno = *(uint*)(control + headerBytes);
            error = errno switch
            {
                111 => SocketError.ConnectionRefused,
                113 => SocketError.HostUnreachable,
                101 => SocketError.NetworkUnreachable,
                _ => SocketError.SocketError,
            };
        }
        else
        {
            error = SocketError.SocketError;
        }

        return true;
    }

    [LibraryImport("libc", EntryPoint = "recvmsg", SetLastError = true)]
    private static unsafe partial nint RecvMsg(int socket, MessageHeader* message, int flags);

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct IoVector
    {
        public byte* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct MessageHeader
    {
        public byte* Name;
        public uint NameLength;
        public IoVector* Vector;
        public nuint VectorCount;
        public byte* Control;
        public nuint ControlLength;
        public int Flags;
    }
}
