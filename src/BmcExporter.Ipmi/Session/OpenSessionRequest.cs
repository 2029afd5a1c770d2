using System.Buffers.Binary;
using BmcExporter.Ipmi.Crypto;

namespace BmcExporter.Ipmi.Session;

/// <summary>
/// RMCP+ Open Session Request, payload type 0x10 (IPMI v2.0 §13.17, table 13-9): 32 bytes proposing one
/// algorithm of each kind. Sent console to BMC with session ID 0.
/// </summary>
public readonly record struct OpenSessionRequest(
    byte Tag,
    PrivilegeLevel RequestedPrivilege,
    uint ConsoleSessionId,
    CipherSuite Suite)
{
    public const int Length = 32;

    public int Write(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException($"Destination needs {Length} bytes.", nameof(destination));
        }

        destination[..Length].Clear();
        destination[0] = Tag;
        destination[1] = (byte)RequestedPrivilege;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], ConsoleSessionId);
        AlgorithmPayload.Write(destination[8..], AlgorithmPayload.AuthenticationType, (byte)Suite.Authentication);
        AlgorithmPayload.Write(destination[16..], AlgorithmPayload.IntegrityType, (byte)Suite.Integrity);
        AlgorithmPayload.Write(destination[24..], AlgorithmPayload.ConfidentialityType, (byte)Suite.Confidentiality);
        return Length;
    }

    /// <summary>
    /// Parses a request (BMC side). An algorithm payload of length 0 means "BMC default" (SHA1 / SHA1-96 / AES,
    /// as ipmi_sim does). A combination no supported suite runs is reported through <paramref name="status"/>.
    /// </summary>
    public static OpenSessionRequest Parse(ReadOnlySpan<byte> payload, out RmcpPlusStatus status)
    {
        var reader = new SpanReader(payload);
        var tag = reader.ReadByte("message tag");
        var privilege = (PrivilegeLevel)(reader.ReadByte("requested privilege") & 0x0F);
        reader.Skip(2, "reserved");
        var consoleSessionId = reader.ReadUInt32("console session ID");
        var auth = (AuthenticationAlgorithm)AlgorithmPayload.Read(ref reader, AlgorithmPayload.AuthenticationType, (byte)AuthenticationAlgorithm.HmacSha1);
        var integrity = (IntegrityAlgorithm)AlgorithmPayload.Read(ref reader, AlgorithmPayload.IntegrityType, (byte)IntegrityAlgorithm.HmacSha1Bits96);
        var conf = (ConfidentialityAlgorithm)AlgorithmPayload.Read(ref reader, AlgorithmPayload.ConfidentialityType, (byte)ConfidentialityAlgorithm.AesCbc128);
        status = RmcpPlusStatus.NoErrors;
        if (!CipherSuite.TryFind(auth, integrity, conf, out var suite))
        {
            status = RmcpPlusStatus.NoCipherSuiteMatch;
            suite = new CipherSuite(0xFF, auth, integrity, conf);
        }

        return new OpenSessionRequest(tag, privilege, consoleSessionId, suite);
    }
}

/// <summary>The 8-byte algorithm payload records of Open Session (IPMI v2.0 §13.17, tables 13-10 to 13-12).</summary>
internal static class AlgorithmPayload
{
    public const byte AuthenticationType = 0x00;
    public const byte IntegrityType = 0x01;
    public const byte ConfidentialityType = 0x02;

    public static void Write(Span<byte> destination, byte payloadType, byte algorithm)
    {
        destination[..8].Clear();
        destination[0] = payloadType;
        destination[3] = 8;
        destination[4] = (byte)(algorithm & 0x3F);
    }

    public static byte Read(ref SpanReader reader, byte expectedType, byte defaultAlgorithm)
    {
        var type = reader.ReadByte("algorithm payload type");
        if (type != expectedType)
        {
            throw new IpmiProtocolException($"Algorithm payload type 0x{type:X2} where 0x{expectedType:X2} was expected.");
        }

        reader.Skip(2, "reserved");
        var length = reader.ReadByte("algorithm payload length");
        if (length == 0)
        {
            return defaultAlgorithm;
        }

        if (length != 8)
        {
            throw new IpmiProtocolException($"Algorithm payload length {length}, expected 8.");
        }

        var algorithm = (byte)(reader.ReadByte("algorithm") & 0x3F);
        reader.Skip(3, "reserved");
        return algorithm;
    }
}
