using System.Buffers;
using System.Security.Cryptography;

namespace BmcExporter.Ipmi.Crypto;

/// <summary>
/// AES-CBC-128 confidentiality for RMCP+ payloads (IPMI v2.0 §13.29): a 16-byte IV, then the ciphertext of
/// <c>plaintext ‖ 01 02 … N ‖ N</c> with N chosen so the total is a multiple of 16. .NET padding is disabled.
/// </summary>
public static class IpmiAesCbc
{
    public const int BlockSize = 16;

    /// <summary>Bytes of the confidentiality-wrapped payload for <paramref name="plaintextLength"/> bytes: IV + padded ciphertext.</summary>
    public static int GetWrappedLength(int plaintextLength) => BlockSize + GetCiphertextLength(plaintextLength);

    public static int GetCiphertextLength(int plaintextLength) => (plaintextLength + 1 + BlockSize - 1) / BlockSize * BlockSize;

    /// <summary>
    /// Writes IV ‖ ciphertext into <paramref name="destination"/>. <paramref name="aes"/> must hold the 16-byte key
    /// (first 16 bytes of K2). Returns the bytes written.
    /// </summary>
    public static int Encrypt(Aes aes, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        var cipherLength = GetCiphertextLength(plaintextLength: plaintext.Length);
        var total = BlockSize + cipherLength;
        if (destination.Length < total || iv.Length != BlockSize)
        {
            throw new ArgumentException("Destination too small or IV not 16 bytes.", nameof(destination));
        }

        byte[]? rented = null;
        var padded = cipherLength <= 256 ? stackalloc byte[cipherLength] : (rented = ArrayPool<byte>.Shared.Rent(cipherLength)).AsSpan(0, cipherLength);
        try
        {
            plaintext.CopyTo(padded);
            var padLength = cipherLength - plaintext.Length - 1;
            for (var i = 0; i < padLength; i++)
            {
                padded[plaintext.Length + i] = (byte)(i + 1);
            }

            padded[cipherLength - 1] = (byte)padLength;
            iv.CopyTo(destination);
            if (!aes.TryEncryptCbc(padded, iv, destination.Slice(BlockSize, cipherLength), out _, PaddingMode.None))
            {
                throw new CryptographicException("AES-CBC encryption failed.");
            }

            return total;
        }
        finally
        {
            padded.Clear();
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Decrypts IV ‖ ciphertext into <paramref name="destination"/> and strips the IPMI pad; returns the plaintext
    /// length. Pad contents are not checked (lenient, reference §2.10), only N ≤ 15.
    /// </summary>
    public static int Decrypt(Aes aes, ReadOnlySpan<byte> wrapped, Span<byte> destination)
    {
        if (wrapped.Length < 2 * BlockSize || wrapped.Length % BlockSize != 0)
        {
            throw new IpmiProtocolException($"Encrypted payload length {wrapped.Length} is not IV plus whole AES blocks.");
        }

        var cipher = wrapped[BlockSize..];
        if (destination.Length < cipher.Length)
        {
            throw new IpmiProtocolException($"Decrypted payload of {cipher.Length} bytes exceeds the {destination.Length}-byte buffer.");
        }

        if (!aes.TryDecryptCbc(cipher, wrapped[..BlockSize], destination, out var written, PaddingMode.None))
        {
            throw new IpmiProtocolException("AES-CBC decryption failed.");
        }

        var padLength = destination[written - 1];
        if (padLength > BlockSize - 1 || padLength + 1 > written)
        {
            throw new IpmiProtocolException($"Invalid confidentiality pad length {padLength}.");
        }

        return written - padLength - 1;
    }
}
