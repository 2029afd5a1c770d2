using System.Buffers.Binary;

namespace BmcExporter.Ipmi;

/// <summary>
/// Forward-only, bounds-checked reader over a byte span. Every read checks the remaining length first and
/// throws <see cref="IpmiProtocolException"/> naming what was being read, so a truncated datagram can never
/// become an <see cref="IndexOutOfRangeException"/>. All IPMI multi-byte fields are little-endian
/// (IPMI v2.0 §13.4); the big-endian readers exist for the ASF fields of RMCP class 6.
/// </summary>
public ref struct SpanReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private int _position;

    public SpanReader(ReadOnlySpan<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    public readonly int Position => _position;

    public readonly int Remaining => _buffer.Length - _position;

    public readonly ReadOnlySpan<byte> RemainingSpan => _buffer[_position..];

    public byte ReadByte(string field)
    {
        Require(1, field);
        return _buffer[_position++];
    }

    public ushort ReadUInt16(string field)
    {
        Require(2, field);
        var v = BinaryPrimitives.ReadUInt16LittleEndian(_buffer.Slice(_position, 2));
        _position += 2;
        return v;
    }

    public uint ReadUInt32(string field)
    {
        Require(4, field);
        var v = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.Slice(_position, 4));
        _position += 4;
        return v;
    }

    public uint ReadUInt32BigEndian(string field)
    {
        Require(4, field);
        var v = BinaryPrimitives.ReadUInt32BigEndian(_buffer.Slice(_position, 4));
        _position += 4;
        return v;
    }

    public ReadOnlySpan<byte> ReadBytes(int count, string field)
    {
        if (count < 0)
        {
            throw new IpmiProtocolException($"Negative length {count} for {field}.");
        }

        Require(count, field);
        var s = _buffer.Slice(_position, count);
        _position += count;
        return s;
    }

    public void Skip(int count, string field) => ReadBytes(count, field);

    public readonly void Require(int count, string field)
    {
        if (count > Remaining)
        {
            throw new IpmiProtocolException(
                $"Truncated data reading {field}: needed {count} byte(s) at offset {_position}, {Remaining} left.");
        }
    }
}
