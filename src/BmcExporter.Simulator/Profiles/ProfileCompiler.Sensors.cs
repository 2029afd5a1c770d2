using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace BmcExporter.Simulator.Profiles;

internal static partial class ProfileCompiler
{
    private static ImmutableArray<SensorDefinition> CompileSensors(List<SensorDocument>? sensors, ProfileErrors errors)
    {
        var result = ImmutableArray.CreateBuilder<SensorDefinition>();
        var used = new HashSet<(int Lun, int Number)>();
        var nextNumber = 1;
        foreach (var (s, i) in (sensors ?? []).Select((s, i) => (s, i)))
        {
            var path = $"sensors[{i}]";
            var repeat = errors.Range(s.Repeat, 1, 64, 1, path + ".repeat");
            var template = errors.Require(s.Name, path + ".name");
            if (repeat > 1 && !template.Contains("{n}", StringComparison.Ordinal))
            {
                errors.Add(path + ".name", "a repeated sensor needs '{n}' in its name");
            }

            var first = s.Number ?? nextNumber;
            for (var r = 0; r < repeat; r++)
            {
                var name = template.Replace("{n}", (r + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
                var def = CompileSensor(s, name, first + r, path, errors);
                if (def is null)
                {
                    continue;
                }

                for (var k = 0; k < def.ShareCount; k++)
                {
                    if (!used.Add((def.Lun, def.Number + k)))
                    {
                        errors.Add(path + ".number", $"sensor number {def.Number + k} (LUN {def.Lun}) is used twice");
                    }
                }

                nextNumber = Math.Max(nextNumber, def.Number + def.ShareCount);
                result.Add(def);
            }
        }

        if (result.Count == 0)
        {
            errors.Add("sensors", "at least one sensor is required");
        }

        return result.ToImmutable();
    }

    private static SensorDefinition? CompileSensor(SensorDocument s, string name, int number, string path, ProfileErrors errors)
    {
        if (Encoding.ASCII.GetByteCount(name) > 16)
        {
            errors.Add(path + ".name", $"'{name}' is longer than 16 bytes (SDR ID string limit, IPMI v2.0 §43.1)");
        }

        if (number is < 0 or > 254)
        {
            errors.Add(path + ".number", $"sensor number {number} is outside 0-254 (0xFF is reserved)");
            return null;
        }

        var type = CodeNames.Resolve(CodeNames.SensorTypes, errors.Require(s.Type, path + ".type"), "sensor type", errors, path + ".type");
        var eventType = (byte)errors.Range(s.EventType, 0, 0x7F, s.Thresholds is null && s.Behaviour is null ? 0x6F : 0x01, path + ".eventType");
        var isThreshold = eventType == 0x01;
        var record = (s.Record ?? (isThreshold ? "full" : "compact")).ToUpperInvariant() switch
        {
            "FULL" => SdrRecordKind.Full,
            "COMPACT" => SdrRecordKind.Compact,
            "EVENTONLY" or "EVENT-ONLY" => SdrRecordKind.EventOnly,
            _ => BadKind(errors, path + ".record"),
        };
        if (isThreshold && record != SdrRecordKind.Full && record != SdrRecordKind.EventOnly)
        {
            errors.Add(path + ".record", "threshold sensors with analog readings need a full record");
        }

        var conv = new LinearConversion(
            (int)errors.Range(s.M, -512, 511, 1, path + ".m"),
            (int)errors.Range(s.B, -512, 511, 0, path + ".b"),
            errors.Range(s.RExp, -8, 7, 0, path + ".rExp"),
            errors.Range(s.BExp, -8, 7, 0, path + ".bExp"));
        if (conv.M == 0)
        {
            errors.Add(path + ".m", "must not be 0");
            conv = conv with { M = 1 };
        }

        byte format = (s.Format ?? "unsigned").ToUpperInvariant() switch
        {
            "UNSIGNED" => 0,
            "TWOS" or "TWOS-COMPLEMENT" => 2,
            _ => Bad(errors, path + ".format", "must be unsigned or twos", 0),
        };
        var thresholds = CompileThresholds(s.Thresholds, conv, format, path + ".thresholds", errors);
        var behaviour = CompileBehaviour(s.Behaviour, isThreshold && record == SdrRecordKind.Full, path + ".behaviour", errors);
        var share = s.Share;
        var shareCount = share is null ? 1 : errors.Range(share.Count, 1, 15, 1, path + ".share.count");
        if (shareCount > 1 && record != SdrRecordKind.Compact && record != SdrRecordKind.EventOnly)
        {
            errors.Add(path + ".share", "record sharing needs a compact or event-only record (IPMI v2.0 §43.2)");
        }

        ushort normal = 0;
        foreach (var st in s.States ?? [])
        {
            if (st is < 0 or > 14)
            {
                errors.Add(path + ".states", $"state offset {st} is outside 0-14");
            }
            else
            {
                normal |= (ushort)(1 << st);
            }
        }

        var mode = (s.Reading ?? "normal").ToUpperInvariant() switch
        {
            "NORMAL" => ReadingMode.Normal,
            "UNAVAILABLE" => ReadingMode.Unavailable,
            "SCANNING-DISABLED" or "SCANNINGDISABLED" => ReadingMode.ScanningDisabled,
            _ => BadMode(errors, path + ".reading"),
        };

        return new SensorDefinition
        {
            Name = name,
            Number = (byte)number,
            Record = record,
            SensorType = type,
            EventReadingType = eventType,
            Unit = s.Unit is null ? (byte)0 : CodeNames.Resolve(CodeNames.Units, s.Unit, "unit", errors, path + ".unit"),
            Percentage = s.Percentage ?? false,
            AnalogFormat = format,
            EntityId = (byte)errors.Range(s.Entity, 0, 255, 0x07, path + ".entity"),
            EntityInstance = (byte)errors.Range(s.EntityInstance, 0, 127, 1, path + ".entityInstance"),
            Lun = (byte)errors.Range(s.Lun, 0, 3, 0, path + ".lun"),
            OwnerId = (byte)errors.Range(s.Owner, 0, 255, 0x20, path + ".owner"),
            Conversion = conv,
            Linearization = (byte)errors.Range(s.Linearization, 0, 0x7F, 0, path + ".linearization"),
            Thresholds = thresholds,
            Hysteresis = (byte)errors.Range(s.Hysteresis, 0, 255, 0, path + ".hysteresis"),
            Behaviour = behaviour,
            ShareCount = shareCount,
            ShareAlpha = string.Equals(share?.Modifier, "alpha", StringComparison.OrdinalIgnoreCase),
            ShareOffset = (byte)errors.Range(share?.Offset, 0, 127, 0, path + ".share.offset"),
            ShareEntityIncrements = share?.EntityIncrements ?? false,
            NormalStates = normal,
            Failure = CompileFailure(s.Failure, path + ".failure", errors),
            AfterSdrChange = s.AfterSdrChange ?? false,
            Mode = mode,
        };
    }

    private static SdrRecordKind BadKind(ProfileErrors errors, string path)
    {
        errors.Add(path, "must be full, compact or eventOnly");
        return SdrRecordKind.Full;
    }

    private static ReadingMode BadMode(ProfileErrors errors, string path)
    {
        errors.Add(path, "must be normal, unavailable or scanning-disabled");
        return ReadingMode.Normal;
    }

    private static ThresholdSet CompileThresholds(ThresholdsDocument? t, LinearConversion conv, byte format, string path, ProfileErrors errors)
    {
        if (t is null)
        {
            return ThresholdSet.None;
        }

        double? Check(double? v, string key)
        {
            if (v is { } value)
            {
                var raw = conv.ToRaw(value, format);
                var nearest = conv.ToValue(raw, format);
                if (Math.Abs(nearest - value) > Math.Abs(conv.M * Math.Pow(10, conv.RExp)) * 1e-3)
                {
                    // Thresholds travel as raw bytes: only exactly representable values round-trip (IPMI v2.0 §36.3).
                    errors.Add($"{path}.{key}", $"{value} cannot be represented with m/b/rExp/bExp of this sensor (nearest: {nearest})");
                }
            }

            return v;
        }

        return new ThresholdSet(Check(t.Lnr, "lnr"), Check(t.Lcr, "lcr"), Check(t.Lnc, "lnc"), Check(t.Unc, "unc"), Check(t.Ucr, "ucr"), Check(t.Unr, "unr"));
    }

    private static AnalogBehaviour? CompileBehaviour(BehaviourDocument? b, bool required, string path, ProfileErrors errors)
    {
        if (b is null)
        {
            if (required)
            {
                errors.Add(path, "an analog sensor needs a behaviour (at least 'base')");
            }

            return null;
        }

        ExcursionDefinition? excursion = null;
        if (b.Excursion is { } e)
        {
            excursion = new ExcursionDefinition(
                errors.Range(e.Fraction, 0, 1, 1, path + ".excursion.fraction"),
                TimeSpan.FromSeconds(errors.Range(e.EverySeconds, 1, 1e7, 3600, path + ".excursion.everySeconds")),
                TimeSpan.FromSeconds(errors.Range(e.DurationSeconds, 1, 1e7, 60, path + ".excursion.durationSeconds")),
                errors.Require(e.Value, path + ".excursion.value"));
        }

        return new AnalogBehaviour(
            errors.Require(b.Base, path + ".base"),
            b.LoadGain ?? 0,
            errors.Range(b.Noise, 0, 1e6, 0, path + ".noise"),
            errors.Range(b.Spread, 0, 1e6, 0, path + ".spread"),
            TimeSpan.FromSeconds(errors.Range(b.StepSeconds, 0.1, 1e6, 5, path + ".stepSeconds")),
            excursion);
    }

    private static FailureDefinition? CompileFailure(FailureDocument? f, string path, ProfileErrors errors) =>
        f is null
            ? null
            : new FailureDefinition(
                errors.Range(f.State, 0, 14, 1, path + ".state"),
                errors.Range(f.Fraction, 0, 1, 0.01, path + ".fraction"),
                TimeSpan.FromSeconds(errors.Range(f.AfterSeconds, 0, 1e7, 0, path + ".afterSeconds")),
                TimeSpan.FromSeconds(errors.Range(f.WithinSeconds, 0, 1e7, 0, path + ".withinSeconds")),
                f.ClearsNormalStates ?? false);
}
