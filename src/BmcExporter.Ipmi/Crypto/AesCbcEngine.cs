using System.Security.Cryptography;

namespace BmcExporter.Ipmi.Crypto;

/// <summary>
/// AES-CBC-128 with the IPMI pad for one session key (IPMI v2.0 §13.29). CBC chaining is done here over cached
/// ECB transforms: .NET's span CBC one-shots set up a native context per call (measured: 64 B allocated and
/// ~8x slower per packet), the cached transforms allocate nothing. IVs come from a buffered CSPRNG (one
/// system call per 16 IVs). Not thread-safe: one engine serves one session's serialised packets.
/// </summary>
public sealed class AesCbcEngine : IDisposable
{
    private const int BlockSize = IpmiAesCbc.BlockSize;
    private const int ScratchSize = 512;

    private readonly Aes _aes;
    private readonly ICryptoTransform _encryptor;
    private readonly ICryptoTransform _decryptor;
    private readonly byte[] _block = new byte[BlockSize];
    private readonly byte[] _blockOut = new byte[BlockSize];
    private readonly byte[] _scratchIn = new byte[ScratchSize];
    private readonly byte[] _scratchOut = new byte[ScratchSize];
    private readonly byte[] _ivPool = new byte[BlockSize * 16];
    private int _ivPoolUsed = BlockSize * 16;

    /// <summary>Creates the engine for a 16-byte key (the first 16 bytes of K2).</summary>
    public AesCbcEngine(ReadOnlySpan<byte> key)
    {
        if (key.Length != 16)
        {
            throw new ArgumentException("AES-CBC-128 needs a 16-byte key.", nameof(key));
        }

        _aes = Aes.Create();
        _aes.Key = key.ToArray();
        _aes.Mode = CipherMode.ECB;
        _aes.Padding = PaddingMode.None;
        _encryptor = _aes.CreateEncryptor();
        _decryptor = _aes.CreateDecryptor();
    }

    /// <summary>Writes IV ‖ ciphertext with a fresh random IV; returns the bytes written.</summary>
    public int Encrypt(ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        if (_ivPoolUsed == _ivPool.Length)
        {
            RandomNumberGenerator.Fill(_ivPool);
            _ivPoolUsed = 0;
        }

        var iv = _ivPool.AsSpan(_ivPoolUsed, BlockSize);
        _ivPoolUsed += BlockSize;
        var written = Encrypt(iv, plaintext, destination);
        iv.Clear();
        return written;
    }

    /// <summary>Writes IV ‖ ciphertext with the given IV (test vectors); returns the bytes written.</summary>
    public int Encrypt(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        var cipherLength = IpmiAesCbc.GetCiphertextLength(plaintext.Length);
        var total = BlockSize + cipherLength;
        if (destination.Length < total || iv.Length != BlockSize)
        {
            throw new ArgumentException("Destination too small or IV not 16 bytes.", nameof(destination));
        }

        iv.CopyTo(destination);
        ReadOnlySpan<byte> previous = destination[..BlockSize];
        var padLength = cipherLength - plaintext.Length - 1;
        for (var offset = 0; offset < cipherLength; offset += BlockSize)
        {
            for (var i = 0; i < BlockSize; i++)
            {
                var position = offset + i;
                var plain = position < plaintext.Length ? plaintext[position]
                    : position == cipherLength - 1 ? (byte)padLength
                    : (byte)(position - plaintext.Length + 1);
                _block[i] = (byte)(plain ^ previous[i]);
            }

            _encryptor.TransformBlock(_block, 0, BlockSize, _blockOut, 0);
            var output = destination.Slice(BlockSize + offset, BlockSize);
            _blockOut.CopyTo(output);
            previous = output;
        }

        Array.Clear(_block);
        return total;
    }

    /// <summary>
    /// Decrypts IV ‖ ciphertext into <paramref name="destination"/> and strips the IPMI pad; returns the plaintext
    /// length. Pad contents are not checked (lenient, reference §2.10), only N ≤ 15.
    /// </summary>
    public int Decrypt(ReadOnlySpan<byte> wrapped, Span<byte> destination)
    {
        if (wrapped.Length < 2 * BlockSize || wrapped.Length % BlockSize != 0)
        {
            throw new IpmiProtocolException($"Encrypted payload length {wrapped.Length} is not IV plus whole AES blocks.");
        }

        var cipher = wrapped[BlockSize..];
        if (destination.Length < cipher.Length || cipher.Length > ScratchSize)
        {
            throw new IpmiProtocolException($"Encrypted payload of {cipher.Length} bytes exceeds the receive buffer.");
        }

        cipher.CopyTo(_scratchIn);
        _decryptor.TransformBlock(_scratchIn, 0, cipher.Length, _scratchOut, 0);
        for (var i = 0; i < cipher.Length; i++)
        {
            destination[i] = (byte)(_scratchOut[i] ^ wrapped[i]);
        }

        Array.Clear(_scratchOut, 0, cipher.Length);
        var padLength = destination[cipher.Length - 1];
        if (padLength > BlockSize - 1)
        {
            throw new IpmiProtocolException($"Invalid confidentiality pad length {padLength}.");
        }

        return cipher.Length - padLength - 1;
    }

    public void Dispose()
    {
        _encryptor.Dispose();
        _decryptor.Dispose();
        _aes.Dispose();
        CryptographicOperations.ZeroMemory(_ivPool);
    }
}
