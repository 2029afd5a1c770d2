using System.Buffers.Binary;

namespace BmcExporter.Otlp.Wire;

/// <summary>
/// A protobuf writer into one growable buffer (protobuf encoding guide: varints, tags, wire types 0/1/2/5).
/// A nested message is opened with <see cref="BeginMessage"/> and closed with <see cref="EndMessage"/>: one byte
/// is reserved for its length and the body is moved right in the rare case the length needs more, so the
/// encoding stays minimal without a sizing pass. One instance per thread (<see cref="ForThread"/>); the buffer is
/// kept between uses and handed out only as a span.
/// </summary>
internal sealed class ProtoBuffer
{
    private const int WireVarint = 0;
    private const int WireFixed64 = 1;
    private const int WireLengthDelimited = 2;
    private const int WireFixed32 = 5;
    private const int MaxDepth = 16;

    [ThreadStatic]
    private static ProtoBuffer? t_current;

    private readonly int[] _open = new int[MaxDepth];
    private byte[] _buffer = new byte[16 * 1024];
    private int _position;
    private int _depth;

    /// <summary>This thread's writer, reset.</summary>
    public static ProtoBuffer ForThread
    {
        get
        {
            var w = t_current ??= new ProtoBuffer();
            w.Reset();
            return w;
        }
    }

    /// <summary>Bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _position);

    /// <summary>Number of bytes written so far.</summary>
    public int Length => _position;

    public void Reset()
    {
        _position = 0;
        _depth = 0;
        if (_buffer.Length > 1024 * 1024)
        {
            // Don't keep a one-off huge buffer per thread.
            _buffer = new byte[16 * 1024];
        }
    }

    /// <summary>Opens a length-delimited field holding a message; returns nothing, close it with <see cref="EndMessage"/>.</summary>
    public void BeginMessage(int field)
    {
        if (_depth == MaxDepth)
        {
            throw new InvalidOperationException("protobuf messages nested too deep");
        }

        WriteTag(field, WireLengthDelimited);
        Ensure(1);
        _open[_depth++] = _position;
        _position++;
    }

    /// <summary>Closes the innermost message opened by <see cref="BeginMessage"/>.</summary>
    public void EndMessage()
    {
        if (_depth == 0)
        {
            throw new InvalidOperationException("no protobuf message is open");
        }

        var lengthAt = _open[--_depth];
        var bodyStart = lengthAt + 1;
        var length = _position - bodyStart;
        var size = VarintSize((ulong)length);
        if (size > 1)
        {
            Ensure(size - 1);
            _buffer.AsSpan(bodyStart, length).CopyTo(_buffer.AsSpan(bodyStart + size - 1));
            _position += size - 1;
        }

        WriteVarintAt(lengthAt, (ulong)length);
    }

    public void WriteString(int field, string value)
    {
        WriteTag(field, WireLengthDelimited);
        var byteCount = System.Text.Encoding.UTF8.GetByteCount(value);
        WriteVarint((ulong)byteCount);
        Ensure(byteCount);
        _position += System.Text.Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_position));
    }

    public void WriteBytes(int field, ReadOnlySpan<byte> value)
    {
        WriteTag(field, WireLengthDelimited);
        WriteVarint((ulong)value.Length);
        WriteRaw(value);
    }

    /// <summary>Appends bytes that are already encoded fields.</summary>
    public void WriteRaw(ReadOnlySpan<byte> encoded)
    {
        Ensure(encoded.Length);
        encoded.CopyTo(_buffer.AsSpan(_position));
        _position += encoded.Length;
    }

    public void WriteUInt64(int field, ulong value)
    {
        WriteTag(field, WireVarint);
        WriteVarint(value);
    }

    /// <summary>A varint field holding an int64 (two's complement, so negatives take 10 bytes).</summary>
    public void WriteInt64(int field, long value) => WriteUInt64(field, unchecked((ulong)value));

    public void WriteBool(int field, bool value) => WriteUInt64(field, value ? 1UL : 0UL);

    public void WriteFixed64(int field, ulong value)
    {
        WriteTag(field, WireFixed64);
        Ensure(8);
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.AsSpan(_position), value);
        _position += 8;
    }

    public void WriteFixed32(int field, uint value)
    {
        WriteTag(field, WireFixed32);
        Ensure(4);
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_position), value);
        _position += 4;
    }

    public void WriteDouble(int field, double value) => WriteFixed64(field, unchecked((ulong)BitConverter.DoubleToInt64Bits(value)));

    /// <summary>Copies what was written into a new array of exactly that size.</summary>
    public byte[] ToArray() => Written.ToArray();

    /// <summary>Bytes a varint of <paramref name="value"/> takes.</summary>
    public static int VarintSize(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    /// <summary>Writes <paramref name="value"/> as a varint into <paramref name="destination"/>; returns the bytes used.</summary>
    public static int WriteVarint(Span<byte> destination, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    private void WriteTag(int field, int wireType) => WriteVarint(((ulong)(uint)field << 3) | (uint)wireType);

    private void WriteVarint(ulong value)
    {
        Ensure(10);
        _position += WriteVarint(_buffer.AsSpan(_position), value);
    }

    private void WriteVarintAt(int offset, ulong value) => WriteVarint(_buffer.AsSpan(offset), value);

    private void Ensure(int extra)
    {
        if (_position + extra <= _buffer.Length)
        {
            return;
        }

        var grown = new byte[Math.Max(_buffer.Length * 2, _position + extra)];
        _buffer.AsSpan(0, _position).CopyTo(grown);
        _buffer = grown;
    }
}
