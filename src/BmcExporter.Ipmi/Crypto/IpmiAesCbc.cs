namespace BmcExporter.Ipmi.Crypto;

/// <summary>
/// Sizes of AES-CBC-128 confidentiality for RMCP+ payloads (IPMI v2.0 §13.29): a 16-byte IV, then the ciphertext
/// of <c>plaintext ‖ 01 02 … N ‖ N</c> with N chosen so the total is a multiple of 16.
/// </summary>
public static class IpmiAesCbc
{
    public const int BlockSize = 16;

    /// <summary>Bytes of the confidentiality-wrapped payload for <paramref name="plaintextLength"/> bytes: IV + padded ciphertext.</summary>
    public static int GetWrappedLength(int plaintextLength) => BlockSize + GetCiphertextLength(plaintextLength);

    public static int GetCiphertextLength(int plaintextLength) => (plaintextLength + 1 + BlockSize - 1) / BlockSize * BlockSize;
}
