namespace BmcExporter.Ipmi.Sensors;

/// <summary>
/// Severity of asserted discrete states, in the spirit of FreeIPMI's sensor interpretation: failure, fault,
/// intrusion and uncorrectable-error offsets are critical, predictive/degraded ones warnings, presence and
/// informational offsets ok. Event/reading type 0x07 (severity) maps one to one.
/// </summary>
public static class DiscreteSeverity
{
    public static SensorStatus Evaluate(byte eventReadingType, byte sensorType, ushort assertedStates)
    {
        var worst = SensorStatus.Ok;
        for (var offset = 0; offset < 15; offset++)
        {
            if ((assertedStates & (1 << offset)) != 0)
            {
                worst = SensorStatusNames.Worst(worst, ForOffset(eventReadingType, sensorType, offset));
            }
        }

        return worst;
    }

    public static SensorStatus ForOffset(byte eventReadingType, byte sensorType, int offset) => eventReadingType switch
    {
        // Generic: predictive failure asserted, limit exceeded, performance lags (IPMI v2.0 table 42-2).
        0x04 => offset == 1 ? SensorStatus.Warning : SensorStatus.Ok,
        0x05 => offset == 1 ? SensorStatus.Critical : SensorStatus.Ok,
        0x06 => offset == 1 ? SensorStatus.Warning : SensorStatus.Ok,
        0x07 => offset switch
        {
            1 or 4 => SensorStatus.Warning,
            2 or 5 => SensorStatus.Critical,
            3 or 6 => SensorStatus.NonRecoverable,
            _ => SensorStatus.Ok,
        },
        0x0A => offset switch
        {
            6 => SensorStatus.Warning,
            8 => SensorStatus.Critical,
            _ => SensorStatus.Ok,
        },
        0x0B => offset switch
        {
            1 or 5 => SensorStatus.Critical,
            2 or 3 or 4 or 6 or 7 => SensorStatus.Warning,
            _ => SensorStatus.Ok,
        },
        0x6F => SensorSpecific(sensorType, offset),
        _ => SensorStatus.Ok,
    };

    // IPMI v2.0 table 42-3 offsets judged by their meaning.
    private static SensorStatus SensorSpecific(byte sensorType, int offset) => (sensorType, offset) switch
    {
        (0x05, _) => SensorStatus.Critical,
        (0x06, _) => SensorStatus.Warning,
        (0x07, <= 6 or 0x0B) => SensorStatus.Critical,
        (0x07, 8 or 0x0A or 0x0C) => SensorStatus.Warning,
        (0x08, 1 or 3 or 4 or 6) => SensorStatus.Critical,
        (0x08, 2 or 5) => SensorStatus.Warning,
        (0x09, 4 or 5 or 6) => SensorStatus.Critical,
        (0x09, 7) => SensorStatus.Warning,
        (0x0C, 1 or 2 or 3 or 7 or 0x0A) => SensorStatus.Critical,
        (0x0C, 0 or 4 or 5 or 9) => SensorStatus.Warning,
        (0x0D, 1 or 5 or 6 or 8) => SensorStatus.Critical,
        (0x0D, 2) => SensorStatus.Warning,
        (0x0F, 0 or 1) => SensorStatus.Critical,
        (0x10, 4 or 5) => SensorStatus.Warning,
        (0x13, 8 or 9 or 0x0A) => SensorStatus.Critical,
        (0x13, _) => SensorStatus.Warning,
        (0x19, _) => SensorStatus.Critical,
        (0x1B, 1) => SensorStatus.Warning,
        (0x20, 0 or 1) => SensorStatus.Critical,
        (0x21, 0) => SensorStatus.Critical,
        (0x28, _) => SensorStatus.Warning,
        (0x29, 0) => SensorStatus.Warning,
        (0x29, 1) => SensorStatus.Critical,
        (0x2B, 2 or 3 or 4 or 5) => SensorStatus.Warning,
        (0x2C, 7) => SensorStatus.Warning,
        _ => SensorStatus.Ok,
    };
}
