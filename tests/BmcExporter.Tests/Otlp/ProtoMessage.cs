using Google.Protobuf;

namespace BmcExporter.Tests.Otlp;

/// <summary>
/// A protobuf message decoded field by field with Google.Protobuf's <see cref="CodedInputStream"/> (no
/// generated code, so nothing of ours sits between the wire bytes and the assertions).
/// </summary>
internal sealed class ProtoMessage
{
    private readonly List<(int Field, object Value)> _fields = [];

    public static ProtoMessage Parse(ByteString bytes) => Parse(bytes.ToByteArray());

    public static ProtoMessage Parse(byte[] bytes)
    {
        var message = new ProtoMessage();
        var input = new CodedInputStream(bytes);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var field = WireFormat.GetTagFieldNumber(tag);
            object value = WireFormat.GetTagWireType(tag) switch
            {
                WireFormat.WireType.Varint => input.ReadUInt64(),
                WireFormat.WireType.Fixed64 => input.ReadFixed64(),
                WireFormat.WireType.Fixed32 => input.ReadFixed32(),
                WireFormat.WireType.LengthDelimited => input.ReadBytes(),
                var other => throw new InvalidDataException($"unexpected wire type {other} for field {field}"),
            };
            message._fields.Add((field, value));
        }

        return message;
    }

    public IEnumerable<ProtoMessage> Messages(int field) =>
        _fields.Where(f => f.Field == field).Select(f => Parse((ByteString)f.Value));

    public ProtoMessage? Message(int field) => Messages(field).FirstOrDefault();

    public string? String(int field) => _fields.Where(f => f.Field == field).Select(f => ((ByteString)f.Value).ToStringUtf8()).FirstOrDefault();

    public ulong? Varint(int field) => _fields.Where(f => f.Field == field).Select(f => (ulong?)(ulong)f.Value).FirstOrDefault();

    public ulong? Fixed64(int field) => _fields.Where(f => f.Field == field).Select(f => (ulong?)(ulong)f.Value).FirstOrDefault();

    public double? Double(int field) => Fixed64(field) is { } bits ? BitConverter.Int64BitsToDouble((long)bits) : null;

    public bool Has(int field) => _fields.Any(f => f.Field == field);

    /// <summary>OTLP <c>KeyValue</c> list (key = 1, AnyValue = 2) as a dictionary of CLR values.</summary>
    public Dictionary<string, object?> Attributes(int field) =>
        Messages(field).ToDictionary(kv => kv.String(1)!, kv => AnyValue(kv.Message(2)));

    /// <summary>OTLP <c>AnyValue</c>: 1 string, 2 bool, 3 int64, 4 double.</summary>
    public static object? AnyValue(ProtoMessage? v) =>
        v is null ? null
        : v.Has(1) ? v.String(1)
        : v.Has(2) ? (object)(v.Varint(2) != 0)
        : v.Has(3) ? (object)(long)v.Varint(3)!.Value
        : v.Has(4) ? (object?)v.Double(4)
        : null;
}
