using System.Text.Json;
using System.Text.Json.Serialization;
using BmcExporter.Ipmi.Client.Operations;

namespace BmcExporter.State;

/// <summary>
/// The flat JSON shape of a <see cref="SelPosition"/> (<c>LastRecordId</c>, <c>AdditionTimestamp</c>,
/// <c>EraseTimestamp</c>, <c>EntryCount</c>, <c>Epoch</c>), the one state files have always had, so files written by
/// earlier versions resume where they stopped. A missing field or a value out of range (record IDs and counts are
/// 16-bit, IPMI v2.0 §31.2) is a <see cref="JsonException"/>: the store then ignores the file with a warning.
/// </summary>
public sealed class SelPositionJsonConverter : JsonConverter<SelPosition>
{
    /// <inheritdoc />
    public override SelPosition Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a SEL position must be a JSON object");
        }

        int? lastRecordId = null, entryCount = null;
        uint? addition = null, erase = null;
        string? epoch = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case nameof(SelCursor.LastRecordId): lastRecordId = Sixteen(ref reader, name); break;
                case nameof(SelCursor.EntryCount): entryCount = Sixteen(ref reader, name); break;
                case nameof(SelCursor.AdditionTimestamp): addition = reader.GetUInt32(); break;
                case nameof(SelCursor.EraseTimestamp): erase = reader.GetUInt32(); break;
                case nameof(SelPosition.Epoch): epoch = reader.TokenType == JsonTokenType.Null ? null : reader.GetString(); break;
                default: reader.Skip(); break;
            }
        }

        if (lastRecordId is null || entryCount is null || addition is null || erase is null)
        {
            throw new JsonException("a SEL position needs LastRecordId, AdditionTimestamp, EraseTimestamp and EntryCount");
        }

        return new SelPosition(new SelCursor((ushort)lastRecordId, addition.Value, erase.Value, (ushort)entryCount), epoch);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SelPosition value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteNumber(nameof(SelCursor.LastRecordId), value.Cursor.LastRecordId);
        writer.WriteNumber(nameof(SelCursor.AdditionTimestamp), value.Cursor.AdditionTimestamp);
        writer.WriteNumber(nameof(SelCursor.EraseTimestamp), value.Cursor.EraseTimestamp);
        writer.WriteNumber(nameof(SelCursor.EntryCount), value.Cursor.EntryCount);
        writer.WriteString(nameof(SelPosition.Epoch), value.Epoch);
        writer.WriteEndObject();
    }

    private static int Sixteen(ref Utf8JsonReader reader, string name)
    {
        var value = reader.GetInt32();
        return value is >= 0 and <= ushort.MaxValue ? value : throw new JsonException($"{name} {value} is outside 0-65535");
    }
}
