using System.Buffers;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Ipmi.Framing;

namespace BmcExporter.Ipmi.Session;

public sealed partial class SessionCipher
{
    /// <summary>Seals <paramref name="plaintext"/> with a fresh random IV. Returns the datagram length.</summary>
    public int Seal(Span<byte> destination, byte payloadType, uint sessionId, uint sequence, ReadOnlySpan<byte> plaintext)
        => SealCore(destination, payloadType, sessionId, sequence, plaintext, default);

    /// <summary>Seals with a given IV (test vectors; production code uses the overload that draws a fresh IV).</summary>
    public int Seal(Span<byte> destination, byte payloadType, uint sessionId, uint sequence, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> iv)
    {
        if (Suite.HasConfidentiality && iv.Length != IpmiAesCbc.BlockSize)
        {
            throw new ArgumentException("The IV must be 16 bytes.", nameof(iv));
        }

        return SealCore(destination, payloadType, sessionId, sequence, plaintext, iv);
    }

    private int SealCore(Span<byte> destination, byte payloadType, uint sessionId, uint sequence, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> iv)
    {
        var total = GetSealedLength(plaintext.Length);
        if (destination.Length < total)
        {
            throw new ArgumentException($"Destination needs {total} bytes.", nameof(destination));
        }

        var payloadLength = GetPayloadLength(plaintext.Length);
        RmcpPlusPacket.WriteHeader(destination, FlagsFor(payloadType), sessionId, sequence, payloadLength);
        var payload = destination.Slice(RmcpPlusPacket.HeaderLength, payloadLength);
        if (_aes is not null && iv.IsEmpty)
        {
            _aes.Encrypt(plaintext, payload);
        }
        else if (_aes is not null)
        {
            _aes.Encrypt(iv, plaintext, payload);
        }
        else
        {
            plaintext.CopyTo(payload);
        }

        if (!Suite.HasIntegrity)
        {
            return total;
        }

        var position = RmcpPlusPacket.HeaderLength + payloadLength;
        var pad = IntegrityPadLength(payloadLength);
        destination.Slice(position, pad).Fill(0xFF);
        position += pad;
        destination[position++] = (byte)pad;
        destination[position++] = NextHeader;
        _sealMac!.Compute(destination[4..position], destination[position..]);
        return total;
    }

    /// <summary>Seals an IPMI request (payload type 0), console to BMC: <paramref name="sessionId"/> is SID_bmc.</summary>
    public int SealRequest(Span<byte> destination, uint sessionId, uint sequence, in IpmiMessageHeader header, ReadOnlySpan<byte> data)
    {
        var length = IpmiLanMessage.GetRequestLength(data.Length);
        byte[]? rented = null;
        var message = length <= 256 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        try
        {
            IpmiLanMessage.WriteRequest(message, header, data);
            return Seal(destination, PayloadType.Ipmi, sessionId, sequence, message);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Seals an IPMI response (payload type 0), BMC to console: <paramref name="sessionId"/> is SID_con.</summary>
    public int SealResponse(
        Span<byte> destination, uint sessionId, uint sequence, in IpmiMessageHeader header, byte completionCode, ReadOnlySpan<byte> data)
    {
        var length = IpmiLanMessage.GetResponseLength(data.Length);
        byte[]? rented = null;
        var message = length <= 256 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        try
        {
            IpmiLanMessage.WriteResponse(message, header, completionCode, data);
            return Seal(destination, PayloadType.Ipmi, sessionId, sequence, message);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
