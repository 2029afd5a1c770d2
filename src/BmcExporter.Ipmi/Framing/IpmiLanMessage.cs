namespace BmcExporter.Ipmi.Framing;

/// <summary>
/// The IPMI message as carried on LAN (IPMI v2.0 §13.8, the payload of type 0x00): a 3-byte connection header
/// with checksum 1, then requester fields, command, data and checksum 2. Both directions are encoded and
/// decoded here: requests (console to BMC) and responses (BMC to console, completion code first in the data).
/// </summary>
public static class IpmiLanMessage
{
    /// <summary>Bytes around the request data: rsSA, netFn/LUN, chk1, rqSA, rqSeq/LUN, cmd, chk2.</summary>
    public const int RequestOverhead = 7;

    /// <summary>Bytes around the response data: the request overhead plus the completion code.</summary>
    public const int ResponseOverhead = 8;

    public static int GetRequestLength(int dataLength) => RequestOverhead + dataLength;

    public static int GetResponseLength(int dataLength) => ResponseOverhead + dataLength;

    /// <summary>
    /// Writes a request. <paramref name="header"/> names the responder (rsSA, rsLUN) as the addressee and the
    /// requester (rqSA, rqLUN) as the sender. Returns the bytes written.
    /// </summary>
    public static int WriteRequest(Span<byte> destination, in IpmiMessageHeader header, ReadOnlySpan<byte> data)
    {
        var length = GetRequestLength(data.Length);
        RequireLength(destination, length);
        destination[0] = header.ResponderAddress;
        destination[1] = Pack(header.NetFn, header.ResponderLun);
        destination[2] = Checksum(destination[..2]);
        destination[3] = header.RequesterAddress;
        destination[4] = Pack(header.Sequence, header.RequesterLun);
        destination[5] = header.Command;
        data.CopyTo(destination[6..]);
        destination[length - 1] = Checksum(destination[3..(length - 1)]);
        return length;
    }

    /// <summary>
    /// Writes a response: the requester becomes the addressee (IPMI v2.0 §13.8). <paramref name="header"/> holds
    /// the response netFn (request netFn + 1) and the sequence of the request being answered.
    /// </summary>
    public static int WriteResponse(
        Span<byte> destination, in IpmiMessageHeader header, byte completionCode, ReadOnlySpan<byte> data)
    {
        var length = GetResponseLength(data.Length);
        RequireLength(destination, length);
        destination[0] = header.RequesterAddress;
        destination[1] = Pack(header.NetFn, header.RequesterLun);
        destination[2] = Checksum(destination[..2]);
        destination[3] = header.ResponderAddress;
        destination[4] = Pack(header.Sequence, header.ResponderLun);
        destination[5] = header.Command;
        destination[6] = completionCode;
        data.CopyTo(destination[7..]);
        destination[length - 1] = Checksum(destination[3..(length - 1)]);
        return length;
    }

    /// <summary>Parses a request (BMC side). Checksums are verified unless <paramref name="verifyChecksums"/> is false.</summary>
    public static IpmiRequestMessage ParseRequest(ReadOnlySpan<byte> message, bool verifyChecksums = true)
    {
        var reader = ReadCommon(message, verifyChecksums, RequestOverhead, out var b0, out var b1, out var b3, out var b4, out var cmd);
        var data = reader.ReadBytes(reader.Remaining - 1, "request data");
        var header = new IpmiMessageHeader(b0, (byte)(b1 >> 2), (byte)(b1 & 3), b3, (byte)(b4 >> 2), (byte)(b4 & 3), cmd);
        return new IpmiRequestMessage(header, data);
    }

    /// <summary>Parses a response (console side). Checksums are verified unless <paramref name="verifyChecksums"/> is false.</summary>
    public static IpmiResponseMessage ParseResponse(ReadOnlySpan<byte> message, bool verifyChecksums = true)
    {
        var reader = ReadCommon(message, verifyChecksums, ResponseOverhead, out var b0, out var b1, out var b3, out var b4, out var cmd);
        var completionCode = reader.ReadByte("completion code");
        var data = reader.ReadBytes(reader.Remaining - 1, "response data");
        var header = new IpmiMessageHeader(b3, (byte)(b1 >> 2), (byte)(b4 & 3), b0, (byte)(b4 >> 2), (byte)(b1 & 3), cmd);
        return new IpmiResponseMessage(header, completionCode, data);
    }

    /// <summary>Two's-complement checksum: the 8-bit sum of the block plus the checksum is zero (IPMI v2.0 §13.8).</summary>
    public static byte Checksum(ReadOnlySpan<byte> block)
    {
        byte sum = 0;
        foreach (var b in block)
        {
            sum += b;
        }

        return (byte)-sum;
    }

    private static SpanReader ReadCommon(
        ReadOnlySpan<byte> message, bool verifyChecksums, int minimum,
        out byte b0, out byte b1, out byte b3, out byte b4, out byte cmd)
    {
        if (message.Length < minimum)
        {
            throw new IpmiProtocolException($"IPMI message of {message.Length} byte(s) is shorter than the minimum {minimum}.");
        }

        if (verifyChecksums)
        {
            if (Sum(message[..3]) != 0)
            {
                throw new IpmiProtocolException("IPMI message header checksum mismatch.");
            }

            if (Sum(message[3..]) != 0)
            {
                throw new IpmiProtocolException("IPMI message data checksum mismatch.");
            }
        }

        var reader = new SpanReader(message);
        b0 = reader.ReadByte("address");
        b1 = reader.ReadByte("netFn/LUN");
        reader.Skip(1, "checksum 1");
        b3 = reader.ReadByte("address");
        b4 = reader.ReadByte("sequence/LUN");
        cmd = reader.ReadByte("command");
        return reader;
    }

    private static byte Sum(ReadOnlySpan<byte> block)
    {
        byte sum = 0;
        foreach (var b in block)
        {
            sum += b;
        }

        return sum;
    }

    private static byte Pack(byte high6, byte low2) => (byte)((high6 << 2) | (low2 & 3));

    private static void RequireLength(Span<byte> destination, int length)
    {
        if (destination.Length < length)
        {
            throw new ArgumentException($"Destination needs {length} bytes.", nameof(destination));
        }
    }
}
