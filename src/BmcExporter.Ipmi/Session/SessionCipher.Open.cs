using System.Security.Cryptography;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Ipmi.Framing;

namespace BmcExporter.Ipmi.Session;

public sealed partial class SessionCipher
{
    /// <summary>
    /// Verifies and decrypts an in-session datagram into <paramref name="plaintextDestination"/> (size it to the
    /// datagram length). Anything that does not belong to this session or fails a check throws
    /// <see cref="IpmiProtocolException"/>; a receiver drops such packets (reference §2.10).
    /// </summary>
    public OpenedPayload Open(ReadOnlySpan<byte> datagram, uint expectedSessionId, Span<byte> plaintextDestination)
    {
        var packet = RmcpDatagram.Parse(datagram);
        if (packet.Kind != DatagramKind.RmcpPlus)
        {
            throw new IpmiProtocolException($"Expected an RMCP+ packet, got {packet.Kind}.");
        }

        if (packet.SessionId != expectedSessionId)
        {
            throw new IpmiProtocolException($"Session ID 0x{packet.SessionId:X8} does not belong to this session.");
        }

        if (packet.IsAuthenticated != Suite.HasIntegrity || packet.IsEncrypted != Suite.HasConfidentiality)
        {
            throw new IpmiProtocolException($"Payload flags 0x{packet.PayloadTypeByte & 0xC0:X2} do not match {Suite}.");
        }

        var payloadEnd = packet.PayloadOffset + packet.Payload.Length;
        if (Suite.HasIntegrity)
        {
            VerifyTrailer(datagram, payloadEnd);
        }

        int length;
        if (_aes is not null)
        {
            length = _aes.Decrypt(packet.Payload, plaintextDestination);
        }
        else
        {
            if (plaintextDestination.Length < packet.Payload.Length)
            {
                throw new IpmiProtocolException("Payload exceeds the receive buffer.");
            }

            packet.Payload.CopyTo(plaintextDestination);
            length = packet.Payload.Length;
        }

        return new OpenedPayload(packet.PayloadType, packet.SessionId, packet.SequenceNumber, length);
    }

    private void VerifyTrailer(ReadOnlySpan<byte> datagram, int payloadEnd)
    {
        var authLength = AuthCodeLength;
        var trailerStart = datagram.Length - authLength - TrailerFixedLength;
        if (trailerStart < payloadEnd)
        {
            throw new IpmiProtocolException("Integrity trailer truncated.");
        }

        var padLength = datagram[trailerStart];
        if (datagram[trailerStart + 1] != NextHeader)
        {
            throw new IpmiProtocolException($"Next header 0x{datagram[trailerStart + 1]:X2}, expected 0x07.");
        }

        if (padLength > 3 || trailerStart - payloadEnd != padLength)
        {
            throw new IpmiProtocolException($"Integrity pad length {padLength} does not match the packet.");
        }

        Span<byte> expected = stackalloc byte[IpmiHmac.MaxDigestLength];
        var covered = datagram[4..(trailerStart + TrailerFixedLength)];
        _openMac!.Compute(covered, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected[..authLength], datagram[^authLength..]))
        {
            throw new IpmiProtocolException("AuthCode mismatch: packet altered or not from this session.");
        }
    }
}

/// <summary>Result of <see cref="SessionCipher.Open"/>: payload type (bits 5:0), header fields and plaintext length.</summary>
public readonly record struct OpenedPayload(byte PayloadType, uint SessionId, uint SequenceNumber, int Length);
