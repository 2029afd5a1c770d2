using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ArmAes = System.Runtime.Intrinsics.Arm.Aes;

namespace BmcExporter.Compression;

/// <summary>
/// The CRC-32 (gzip's, RFC 1952 §8) of two byte strings one after the other, from their CRCs and the second one's
/// length, without the bytes. CRC-32 is the remainder of the message polynomial times x^32 modulo the generator
/// P; appending n bytes multiplies the first remainder by x^(8n) mod P before the second one is added (XOR). The
/// multiplication works on bit-reflected polynomials, as the CRC itself does; x^(8n) is built from squarings.
/// </summary>
internal static class Crc32Combine
{
    /// <summary>The reflected generator polynomial of CRC-32 (ISO-HDLC).</summary>
    private const uint Polynomial = 0xEDB88320;

    /// <summary>x^0 in reflected form.</summary>
    private const uint One = 1u << 31;

    /// <summary>x^(2^k) mod P for k = 0..31.</summary>
    private static readonly uint[] PowersOfTwo = BuildPowers();

    /// <summary>CRC of A followed by B, given CRC(A), CRC(B) and the length of B.</summary>
    public static uint Combine(uint crcA, uint crcB, long lengthB) =>
        lengthB <= 0 ? crcA ^ crcB : Multiply(XPowerOfBytes(lengthB), crcA) ^ crcB;

    /// <summary>
    /// The part of <see cref="Combine"/> that depends only on B's length (x^(8·length) mod P), to be kept with a piece
    /// whose length is fixed: <see cref="Apply"/> then costs one multiplication instead of one per bit of the length.
    /// </summary>
    public static uint Operator(long lengthB) => lengthB <= 0 ? One : XPowerOfBytes(lengthB);

    /// <summary>CRC of A followed by B, with B's <see cref="Operator"/>: the same value as <see cref="Combine"/>.</summary>
    public static uint Apply(uint operatorB, uint crcA, uint crcB) => Multiply(operatorB, crcA) ^ crcB;

    /// <summary>
    /// CRC-32 of one zero byte from each register value: the register times x^8 mod P (the byte-wise table of the
    /// reflected CRC), used to reduce the high half of a carry-less product.
    /// </summary>
    private static readonly uint[] ZeroByteTable = BuildZeroByteTable();

    /// <summary>
    /// a·b mod P on reflected polynomials (bit 31 is x^0). A gzip <c>/metrics</c> applies one operator per piece (about
    /// a million at 10,000 BMCs), so it uses the CPU's carry-less multiply where there is one (x86 PCLMULQDQ, ARM
    /// PMULL): about 12 ns against 240 ns for the bit loop on the 2-core build machine.
    /// </summary>
    internal static uint Multiply(uint a, uint b)
    {
        if (Pclmulqdq.IsSupported)
        {
            var product = Pclmulqdq.CarrylessMultiply(Vector128.CreateScalar((ulong)a), Vector128.CreateScalar((ulong)b), 0).ToScalar();
            return Reduce(product);
        }

        if (ArmAes.IsSupported)
        {
            var product = ArmAes.PolynomialMultiplyWideningLower(Vector64.CreateScalar((ulong)a), Vector64.CreateScalar((ulong)b)).ToScalar();
            return Reduce(product);
        }

        return MultiplyBitwise(a, b);
    }

    /// <summary>
    /// The 64-bit reflected product of two reflected 32-bit polynomials, reduced mod P. The carry-less product of the
    /// two words has the coefficient of x^d at bit 62 − d; shifted left once, bit 63 is x^0, so its high word is the
    /// part of degree below 32 (already reflected) and its low word the part L of degree 32 to 63. L·x^32 mod P is the
    /// CRC register L after four zero bytes.
    /// </summary>
    private static uint Reduce(ulong carrylessProduct)
    {
        var shifted = carrylessProduct << 1;
        var degree32Up = (uint)shifted;
        for (var i = 0; i < 4; i++)
        {
            degree32Up = (degree32Up >> 8) ^ ZeroByteTable[degree32Up & 0xFF];
        }

        return (uint)(shifted >> 32) ^ degree32Up;
    }

    /// <summary>a·b mod P one bit of a at a time: the reference for <see cref="Multiply"/>, and its fallback.</summary>
    internal static uint MultiplyBitwise(uint a, uint b)
    {
        uint product = 0;
        for (var bit = One; bit != 0; bit >>= 1)
        {
            if ((a & bit) != 0)
            {
                product ^= b;
            }

            // b := b·x mod P
            b = (b & 1) != 0 ? (b >> 1) ^ Polynomial : b >> 1;
        }

        return product;
    }

    /// <summary>x^(8·bytes) mod P: the product of x^(2^k) over the set bits k of 8·bytes.</summary>
    private static uint XPowerOfBytes(long bytes)
    {
        var result = One;
        var exponent = (ulong)bytes << 3;
        for (var k = 0; exponent != 0; k++, exponent >>= 1)
        {
            if ((exponent & 1) != 0)
            {
                result = Multiply(PowersOfTwo[k % 32], result);
            }
        }

        return result;
    }

    private static uint[] BuildPowers()
    {
        var table = new uint[32];
        table[0] = One >> 1; // x^1
        for (var k = 1; k < table.Length; k++)
        {
            table[k] = MultiplyBitwise(table[k - 1], table[k - 1]);
        }

        return table;
    }

    private static uint[] BuildZeroByteTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < table.Length; n++)
        {
            var register = n;
            for (var bit = 0; bit < 8; bit++)
            {
                register = (register & 1) != 0 ? (register >> 1) ^ Polynomial : register >> 1;
            }

            table[n] = register;
        }

        return table;
    }
}
