using System.Collections.Frozen;
using BmcExporter.Ipmi.Sdr;
using BmcExporter.Ipmi.Tables;

namespace BmcExporter.Ipmi.Sensors;

/// <summary>
/// Judges a reading's asserted states with FreeIPMI's default interpretation (<see cref="InterpretationDefaults"/>),
/// as <c>ipmimonitoring --ignore-unrecognized-events --output-sensor-state</c> does: the worst judgement of the
/// asserted offsets, the "No_Event" judgement when none is asserted, offsets beyond the group ignored, and
/// <see cref="SensorState.Unknown"/> for pairs without a group (OEM types included).
/// </summary>
public static class DefaultInterpretation
{
    // FreeIPMI walks at most 15 judgements (No_Event and offsets 0-13); bit 15 is reserved (IPMI v2.0 §35.14).
    private const int MaxJudgements = 15;

    private static readonly FrozenDictionary<int, string> ByPair =
        InterpretationDefaults.Groups.ToFrozenDictionary(g => Key(g.SensorType, g.EventReadingType), g => g.Codes);

    private static readonly FrozenDictionary<int, SelInterpretationGroup> SelByPair =
        SelInterpretationDefaults.Groups.ToFrozenDictionary(g => Key(g.SensorType, g.EventReadingType));

    /// <summary>FreeIPMI's word for a state: <c>Nominal</c>, <c>Warning</c>, <c>Critical</c> or <c>N/A</c>.</summary>
    public static string Word(SensorState state) => state switch
    {
        SensorState.Nominal => "Nominal",
        SensorState.Warning => "Warning",
        SensorState.Critical => "Critical",
        _ => "N/A",
    };

    /// <summary>
    /// State of one SEL system event (record type 0x02) as <c>ipmi-sel --output-event-state</c> prints it: the
    /// judgement of its offset in the direction it was logged; unknown for pairs or offsets without one.
    /// </summary>
    public static SensorState SelEvent(byte eventReadingType, byte sensorType, int offset, bool asserted)
    {
        string codes;
        if (eventReadingType == 0x01)
        {
            codes = asserted ? SelInterpretationDefaults.ThresholdAsserted : SelInterpretationDefaults.ThresholdDeasserted;
        }
        else if (SelByPair.TryGetValue(Key(sensorType, eventReadingType), out var group))
        {
            codes = asserted ? group.Asserted : group.Deasserted;
        }
        else
        {
            return SensorState.Unknown;
        }

        return offset >= 0 && offset < codes.Length ? Parse(codes[offset]) : SensorState.Unknown;
    }

    /// <summary>State of a threshold sensor from its comparison bits (Get Sensor Reading byte 3, bits 0-5).</summary>
    public static SensorState Threshold(ThresholdMask comparison) =>
        Judge(InterpretationDefaults.Threshold, (ushort)((ushort)comparison & 0x3F));

    /// <summary>State of a discrete sensor from its asserted offsets (bit n = offset n).</summary>
    public static SensorState Discrete(byte eventReadingType, byte sensorType, ushort assertedStates) =>
        ByPair.TryGetValue(Key(sensorType, eventReadingType), out var codes)
            ? Judge(codes, assertedStates)
            : SensorState.Unknown;

    /// <summary>Judgement of one offset, or <c>null</c> when FreeIPMI has none for it.</summary>
    public static SensorState? ForOffset(byte eventReadingType, byte sensorType, int offset)
    {
        if (!ByPair.TryGetValue(Key(sensorType, eventReadingType), out var codes) || offset < 0
            || offset + 1 >= Math.Min(codes.Length, MaxJudgements))
        {
            return null;
        }

        return Parse(codes[offset + 1]);
    }

    private static SensorState Judge(string codes, ushort bits)
    {
        var limit = Math.Min(codes.Length, MaxJudgements);
        bits &= 0x7FFF;
        if (bits == 0)
        {
            return Parse(codes[0]);
        }

        var worst = SensorState.Nominal;
        for (var i = 1; i < limit; i++)
        {
            if ((bits & (1 << (i - 1))) != 0 && Parse(codes[i]) is var judged && judged > worst)
            {
                worst = judged;
            }
        }

        return worst;
    }

    private static SensorState Parse(char code) => code switch
    {
        'W' => SensorState.Warning,
        'C' => SensorState.Critical,
        _ => SensorState.Nominal,
    };

    private static int Key(byte sensorType, byte eventReadingType) => (sensorType << 8) | eventReadingType;
}
