using System.Buffers.Binary;
using BmcExporter.Ipmi.Crypto;

namespace BmcExporter.Ipmi.Session;

/// <summary>
/// RMCP+ Open Session Response, payload type 0x11 (IPMI v2.0 §13.18, table 13-13). On error only tag and status
/// are meaningful; ipmi_sim sends just those two bytes (reference §6.6), which <see cref="Parse"/> accepts.
/// </summary>
public readonly record struct OpenSessionResponse(
    byte Tag,
    RmcpPlusStatus Status,
    PrivilegeLevel MaxPrivilege,
    uint ConsoleSessionId,
    uint BmcSessionId,
    AuthenticationAlgorithm Authentication,
    IntegrityAlgorithm Integrity,
    ConfidentialityAlgorithm Confidentiality)
{
    public const int Length = 36;
    public const int ErrorLength = 8;

    /// <summary>Error responses are written as tag, status, reserved, console session ID (8 bytes).</summary>
    public int GetLength() => Status == RmcpPlusStatus.NoErrors ? Length : ErrorLength;

    /// <summary>A successful response for <paramref name="suite"/>.</summary>
    public static OpenSessionResponse Success(byte tag, PrivilegeLevel privilege, uint consoleSessionId, uint bmcSessionId, CipherSuite suite)
        => new(tag, RmcpPlusStatus.NoErrors, privilege, consoleSessionId, bmcSessionId, suite.Authentication, suite.Integrity, suite.Confidentiality);

    /// <summary>An error response.</summary>
    public static OpenSessionResponse Error(byte tag, RmcpPlusStatus status, uint consoleSessionId)
        => new(tag, status, 0, consoleSessionId, 0, 0, 0, 0);

    public int Write(Span<byte> destination)
    {
        var length = GetLength();
        if (destination.Length < length)
        {
            throw new ArgumentException($"Destination needs {length} bytes.", nameof(destination));
        }

        destination[..length].Clear();
        destination[0] = Tag;
        destination[1] = (byte)Status;
        destination[2] = (byte)MaxPrivilege;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], ConsoleSessionId);
        if (Status == RmcpPlusStatus.NoErrors)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], BmcSessionId);
            AlgorithmPayload.Write(destination[12..], AlgorithmPayload.AuthenticationType, (byte)Authentication);
            AlgorithmPayload.Write(destination[20..], AlgorithmPayload.IntegrityType, (byte)Integrity);
            AlgorithmPayload.Write(destination[28..], AlgorithmPayload.ConfidentialityType, (byte)Confidentiality);
        }

        return length;
    }

    /// <summary>Parses a response (console side). Error responses may be as short as 2 bytes.</summary>
    public static OpenSessionResponse Parse(ReadOnlySpan<byte> payload)
    {
        var reader = new SpanReader(payload);
        var tag = reader.ReadByte("message tag");
        var status = (RmcpPlusStatus)reader.ReadByte("status code");
        if (status != RmcpPlusStatus.NoErrors)
        {
            uint console = 0;
            if (reader.Remaining >= 6)
            {
                reader.Skip(2, "privilege and reserved");
                console = reader.ReadUInt32("console session ID");
            }

            return Error(tag, status, console);
        }

        var privilege = (PrivilegeLevel)(reader.ReadByte("maximum privilege") & 0x0F);
        reader.Skip(1, "reserved");
        var consoleSessionId = reader.ReadUInt32("console session ID");
        var bmcSessionId = reader.ReadUInt32("BMC session ID");
        var auth = (AuthenticationAlgorithm)AlgorithmPayload.Read(ref reader, AlgorithmPayload.AuthenticationType, 0);
        var integrity = (IntegrityAlgorithm)AlgorithmPayload.Read(ref reader, AlgorithmPayload.IntegrityType, 0);
        var conf = (ConfidentialityAlgorithm)AlgorithmPayload.Read(ref reader, AlgorithmPayload.ConfidentialityType, 0);
        return new OpenSessionResponse(tag, status, privilege, consoleSessionId, bmcSessionId, auth, integrity, conf);
    }

    /// <summary>True when the BMC agreed to exactly the algorithms of <paramref name="suite"/>.</summary>
    public bool Matches(CipherSuite suite)
        => Authentication == suite.Authentication && Integrity == suite.Integrity && Confidentiality == suite.Confidentiality;
}
