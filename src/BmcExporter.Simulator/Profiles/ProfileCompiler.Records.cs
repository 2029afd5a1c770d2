using System.Collections.Immutable;
using System.Globalization;

namespace BmcExporter.Simulator.Profiles;

internal static partial class ProfileCompiler
{
    private static ImmutableArray<LocatorDefinition> CompileLocators(List<LocatorDocument>? locators, ProfileErrors errors)
    {
        var result = ImmutableArray.CreateBuilder<LocatorDefinition>();
        foreach (var (l, i) in (locators ?? []).Select((l, i) => (l, i)))
        {
            var path = $"locators[{i}]";
            var kind = (l.Kind ?? "").ToUpperInvariant();
            if (kind is not ("FRU" or "MC"))
            {
                errors.Add(path + ".kind", "must be fru or mc");
            }

            var name = errors.Require(l.Name, path + ".name");
            if (name.Length > 16)
            {
                errors.Add(path + ".name", "must be at most 16 characters");
            }

            if (kind == "MC" && (l.Fru is not null || l.Present is not null))
            {
                errors.Add(path, "fru and present apply to kind fru only");
            }

            result.Add(new LocatorDefinition(
                kind == "MC",
                name,
                (byte)errors.Range(l.Address, 0, 255, 0x20, path + ".address"),
                (byte)errors.Range(l.DeviceId, 0, 255, 0, path + ".deviceId"),
                (byte)errors.Range(l.Entity, 0, 255, kind == "MC" ? 0x06 : 0x07, path + ".entity"),
                (byte)errors.Range(l.EntityInstance, 0, 127, 1, path + ".entityInstance"),
                (byte)errors.Range(l.Capabilities, 0, 255, 0x2F, path + ".capabilities"),
                l.Fru is null ? null : CompileFru(l.Fru, name, errors, path + ".fru"),
                l.Present ?? true));
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<OemRecordDefinition> CompileOem(List<OemRecordDocument>? records, ProfileErrors errors)
    {
        var result = ImmutableArray.CreateBuilder<OemRecordDefinition>();
        foreach (var (o, i) in (records ?? []).Select((o, i) => (o, i)))
        {
            var path = $"oemRecords[{i}]";
            var bytes = new List<byte>();
            foreach (var token in (o.Data ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (byte.TryParse(token, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
                {
                    bytes.Add(b);
                }
                else
                {
                    errors.Add(path + ".data", $"'{token}' is not a hex byte");
                }
            }

            if (bytes.Count > 56)
            {
                errors.Add(path + ".data", "at most 56 bytes");
            }

            result.Add(new OemRecordDefinition(errors.Range(o.ManufacturerId, 0, 0xFFFFFF, 0, path + ".manufacturerId"), [.. bytes]));
        }

        return result.ToImmutable();
    }

    private static SelDefinition CompileSel(SelDocument s, ImmutableArray<SensorDefinition> sensors, ProfileErrors errors)
    {
        var initial = CompileEvents(s.Initial, sensors, "sel.initial", errors);
        var growth = CompileEvents(s.Growth?.Events, sensors, "sel.growth.events", errors);
        TimeSpan? every = s.Growth?.EverySeconds is { } e ? TimeSpan.FromSeconds(errors.Range(e, 0.1, 1e7, 300, "sel.growth.everySeconds")) : null;
        if (every is not null && growth.IsEmpty)
        {
            errors.Add("sel.growth.events", "growth needs at least one event");
        }

        return new SelDefinition(errors.Range(s.Capacity, 1, 0xFFFE, 512, "sel.capacity"), initial, every, growth);
    }

    private static ImmutableArray<SelEventDefinition> CompileEvents(List<SelEventDocument>? events, ImmutableArray<SensorDefinition> sensors, string basePath, ProfileErrors errors)
    {
        var result = ImmutableArray.CreateBuilder<SelEventDefinition>();
        foreach (var (e, i) in (events ?? []).Select((e, i) => (e, i)))
        {
            var path = $"{basePath}[{i}]";
            var name = errors.Require(e.Sensor, path + ".sensor");
            var match = FindSensor(sensors, name);
            if (match is null)
            {
                errors.Add(path + ".sensor", $"no sensor named '{name}' in this profile");
                continue;
            }

            var (def, k) = match.Value;
            result.Add(new SelEventDefinition(
                def.SensorType,
                (byte)(def.Number + k),
                def.EventReadingType,
                (byte)errors.Range(e.Offset, 0, 14, 0, path + ".offset"),
                e.Deassert ?? false,
                TimeSpan.FromSeconds(errors.Range(e.AgeSeconds, 0, 1e8, 0, path + ".ageSeconds")),
                (byte)errors.Range(e.Data2, 0, 255, 0xFF, path + ".data2"),
                (byte)errors.Range(e.Data3, 0, 255, 0xFF, path + ".data3")));
        }

        return result.ToImmutable();
    }

    private static (SensorDefinition Definition, int ShareIndex)? FindSensor(ImmutableArray<SensorDefinition> sensors, string name)
    {
        foreach (var s in sensors)
        {
            for (var k = 0; k < s.ShareCount; k++)
            {
                if (string.Equals(s.NameOf(k), name, StringComparison.Ordinal))
                {
                    return (s, k);
                }
            }
        }

        return null;
    }

    private static FruDefinition CompileFru(FruDocument f, string profileName, ProfileErrors errors, string path = "fru")
    {
        var board = f.Board ?? new FruBoardDocument();
        var product = f.Product ?? new FruProductDocument();
        var chassis = f.Chassis ?? new FruChassisDocument();
        var mfg = new DateTime(2024, 1, 15, 8, 30, 0, DateTimeKind.Utc);
        if (board.MfgDate is { } text
            && !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out mfg))
        {
            errors.Add(path + ".board.mfgDate", $"'{text}' is not a date (use yyyy-MM-dd HH:mm)");
        }

        return new FruDefinition(
            (byte)errors.Range(chassis.Type, 0, 0x7F, 0x17, path + ".chassis.type"),
            Limit(chassis.PartNumber ?? "CH-0001", path + ".chassis.partNumber", errors),
            Limit(chassis.Serial ?? "CHS{bmc}", path + ".chassis.serial", errors),
            Limit(board.Manufacturer ?? "Simulated", path + ".board.manufacturer", errors),
            Limit(board.Product ?? profileName, path + ".board.product", errors),
            Limit(board.Serial ?? "BRD{bmc}", path + ".board.serial", errors),
            Limit(board.PartNumber ?? "MB-0001", path + ".board.partNumber", errors),
            mfg,
            Limit(product.Manufacturer ?? "Simulated", path + ".product.manufacturer", errors),
            Limit(product.Name ?? profileName, path + ".product.name", errors),
            Limit(product.PartNumber ?? "SYS-0001", path + ".product.partNumber", errors),
            Limit(product.Version ?? "1.0", path + ".product.version", errors),
            Limit(product.Serial ?? "SN{bmc}", path + ".product.serial", errors),
            Limit(product.AssetTag ?? "", path + ".product.assetTag", errors));
    }

    private static string Limit(string value, string path, ProfileErrors errors)
    {
        // FRU type/length byte holds at most 63 bytes (FRU spec §13); "{bmc}" expands to 5 digits.
        if (value.Replace("{bmc}", "00000", StringComparison.Ordinal).Length > 63)
        {
            errors.Add(path, "must be at most 63 characters");
        }

        return value;
    }
}
