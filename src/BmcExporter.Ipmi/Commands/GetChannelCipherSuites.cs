namespace BmcExporter.Ipmi.Commands;

/// <summary>
/// Get Channel Cipher Suites, App 0x54 (IPMI v2.0 §22.15; protocol reference §2.3). Each response carries up to
/// 16 bytes of a record stream; the requester increments the list index while 16 bytes come back, then parses
/// the concatenation with <see cref="ParseRecords"/>.
/// </summary>
public static class GetChannelCipherSuites
{
    public const NetFn NetFunction = NetFn.App;
    public const byte Command = 0x54;

    /// <summary>Record bytes per response.</summary>
    public const int ChunkSize = 16;

    public static IpmiRequest CreateRequest(byte listIndex, byte channel = 0x0E, byte payloadType = 0)
        => new(NetFunction, Command, new[] { (byte)(channel & 0x0F), payloadType, (byte)(0x80 | (listIndex & 0x3F)) });

    public static (byte Channel, byte PayloadType, byte ListIndex, bool ListByCipherSuite) DecodeRequest(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        var channel = (byte)(r.ReadByte("channel") & 0x0F);
        var payload = (byte)(r.ReadByte("payload type") & 0x3F);
        var index = r.ReadByte("list index");
        return (channel, payload, (byte)(index & 0x3F), (index & 0x80) != 0);
    }

    /// <summary>Decodes one response: the channel number and up to 16 record bytes.</summary>
    public static (byte Channel, ReadOnlyMemory<byte> Records) DecodeResponse(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        var channel = r.ReadByte("channel");
        return (channel, r.RemainingSpan.ToArray());
    }

    public static byte[] EncodeResponse(byte channel, ReadOnlySpan<byte> chunk)
    {
        var b = new byte[1 + chunk.Length];
        b[0] = channel;
        chunk.CopyTo(b.AsSpan(1));
        return b;
    }

    /// <summary>The 16-byte chunk served for <paramref name="listIndex"/> of an encoded record stream (BMC side).</summary>
    public static ReadOnlySpan<byte> Chunk(ReadOnlySpan<byte> stream, byte listIndex)
    {
        var start = Math.Min(stream.Length, listIndex * ChunkSize);
        return stream.Slice(start, Math.Min(ChunkSize, stream.Length - start));
    }

    /// <summary>
    /// Parses the concatenated record stream tolerantly: a record starts with 0xC0 (standard) or 0xC1 (OEM,
    /// followed by a 3-byte IANA), then the suite ID and algorithm bytes until the next start byte. Algorithm
    /// bytes are classified by their tag bits 7:6 (00 auth, 01 integrity, 10 confidentiality); a BMC with
    /// wrong tags (Sun ILOM) still yields the algorithms in positional order. Garbage before a start byte is
    /// skipped; a truncated final record is dropped.
    /// </summary>
    public static IReadOnlyList<CipherSuiteRecord> ParseRecords(ReadOnlySpan<byte> stream)
    {
        var result = new List<CipherSuiteRecord>();
        var i = 0;
        while (i < stream.Length)
        {
            var start = stream[i];
            if (start is not (0xC0 or 0xC1))
            {
                i++;
                continue;
            }

            var header = start == 0xC1 ? 5 : 2;
            if (i + header > stream.Length)
            {
                break;
            }

            var id = stream[i + 1];
            uint? iana = start == 0xC1 ? (uint)(stream[i + 2] | (stream[i + 3] << 8) | (stream[i + 4] << 16)) : null;
            var j = i + header;
            var algorithms = new List<byte>(3);
            while (j < stream.Length && stream[j] is not (0xC0 or 0xC1) && algorithms.Count < 8)
            {
                algorithms.Add(stream[j]);
                j++;
            }

            if (algorithms.Count > 0)
            {
                result.Add(Classify(id, iana, algorithms));
            }

            i = j;
        }

        return result;
    }

    /// <summary>Encodes records into a stream (standard 0xC0 records, OEM 0xC1 when an IANA is set).</summary>
    public static byte[] EncodeRecords(IEnumerable<CipherSuiteRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var bytes = new List<byte>();
        foreach (var rec in records)
        {
            if (rec.OemIana is { } iana)
            {
                bytes.AddRange([0xC1, rec.Id, (byte)iana, (byte)(iana >> 8), (byte)(iana >> 16)]);
            }
            else
            {
                bytes.AddRange([0xC0, rec.Id]);
            }

            bytes.Add((byte)(rec.Authentication & 0x3F));
            bytes.Add((byte)(0x40 | (rec.Integrity & 0x3F)));
            bytes.Add((byte)(0x80 | (rec.Confidentiality & 0x3F)));
        }

        return [.. bytes];
    }

    private static CipherSuiteRecord Classify(byte id, uint? iana, List<byte> algorithms)
    {
        byte? auth = null, integrity = null, confidentiality = null;
        foreach (var a in algorithms)
        {
            switch (a >> 6)
            {
                case 0 when auth is null: auth = (byte)(a & 0x3F); break;
                case 1 when integrity is null: integrity = (byte)(a & 0x3F); break;
                case 2 when confidentiality is null: confidentiality = (byte)(a & 0x3F); break;
                default: break;
            }
        }

        // Wrong tag bits: fall back to positional order.
        auth ??= (byte)(algorithms[0] & 0x3F);
        integrity ??= algorithms.Count > 1 ? (byte)(algorithms[1] & 0x3F) : (byte)0;
        confidentiality ??= algorithms.Count > 2 ? (byte)(algorithms[2] & 0x3F) : (byte)0;
        return new CipherSuiteRecord(id, auth.Value, integrity.Value, confidentiality.Value, iana);
    }
}

/// <summary>One cipher suite record: ID, the three algorithm numbers, and the IANA of an OEM record.</summary>
public readonly record struct CipherSuiteRecord(byte Id, byte Authentication, byte Integrity, byte Confidentiality, uint? OemIana = null);
