using System.Runtime.CompilerServices;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sdr;
using BmcExporter.Ipmi.Sensors;

namespace BmcExporter.Ipmi.Client.Operations;

/// <summary>
/// Reads sensors: Get Sensor Reading, Get Sensor Thresholds (falling back to the SDR's values) and Get Sensor
/// Reading Factors for non-linear sensors (IPMI v2.0 §35; protocol reference §3.4-3.5, §3.9).
/// </summary>
public static class SensorReader
{
    /// <summary>Completion codes that mean "no reading now", not an error (ipmitool/FreeIPMI practice).</summary>
    public static bool IsUnavailableCode(byte code) => code is 0xCB or 0xCD or 0xC9 or 0xCC or 0xCE or 0xD5 or 0xD3;

    /// <summary>Reads every full and compact sensor in order (event-only sensors are not read).</summary>
    public static async Task<IReadOnlyList<SensorReading>> ReadAllAsync(
        IIpmiChannel channel,
        IEnumerable<SdrSensor> sensors,
        SensorReadOptions? options,
        CancellationToken cancellationToken)
    {
        var result = new List<SensorReading>();
        await ReadAllAsync(channel, sensors, options, result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Reads every full and compact sensor in order into <paramref name="results"/>, each reading added as soon as
    /// it is read: when a deadline cancels the loop (or the session fails), the caller keeps every reading taken
    /// so far. The exception still propagates; <paramref name="results"/> is owned by the caller.
    /// </summary>
    public static async Task ReadAllAsync(
        IIpmiChannel channel,
        IEnumerable<SdrSensor> sensors,
        SensorReadOptions? options,
        ICollection<SensorReading> results,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sensors);
        ArgumentNullException.ThrowIfNull(results);
        foreach (var sensor in sensors)
        {
            if (!sensor.IsEventOnly)
            {
                results.Add(await ReadAsync(channel, sensor, options, cancellationToken).ConfigureAwait(false));
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<SensorReading> ReadAsync(
        IIpmiChannel channel,
        SdrSensor sensor,
        SensorReadOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(sensor);
        options ??= SensorReadOptions.Default;
        if (sensor.IsEventOnly)
        {
            return SensorInterpreter.Unavailable(sensor, "event-only sensor: no reading", readable: false);
        }

        if (!TryAddress(sensor, options, out var address, out var bridge, out var notReadable))
        {
            return SensorInterpreter.Unavailable(sensor, notReadable!, readable: false);
        }

        var readingRequest = GetSensorReading.CreateRequest(sensor.SensorNumber, address, sensor.OwnerLun, bridge);
        var response = await channel.SendAsync(readingRequest, cancellationToken).ConfigureAwait(false);
        if (!response.IsOk)
        {
            var what = IsUnavailableCode(response.CompletionCode) ? "reading unavailable" : "Get Sensor Reading failed";
            return SensorInterpreter.Unavailable(sensor, $"{what}: completion code 0x{response.CompletionCode:X2} ({CompletionCodes.Describe(response.CompletionCode)})");
        }

        SensorReadingData data;
        try
        {
            data = GetSensorReading.DecodeResponse(response.Data.Span);
        }
        catch (IpmiProtocolException ex)
        {
            return SensorInterpreter.Unavailable(sensor, $"malformed reading: {ex.Message}");
        }

        var full = sensor.Full;
        SensorThresholdsData? thresholds = null;
        ReadingFactors? factors = null;
        if (full is not null && full.HasAnalogReading && data.ScanningEnabled && !data.ReadingUnavailable)
        {
            if (SensorConversion.IsNonLinear(full.Linearization))
            {
                factors = await ReadFactorsAsync(channel, sensor, address, bridge, data.Raw, cancellationToken).ConfigureAwait(false);
                if (factors is null)
                {
                    return SensorInterpreter.Unavailable(sensor, "non-linear sensor: Get Sensor Reading Factors failed");
                }
            }

            if (sensor.IsThresholdBased && options.ReadThresholds && ThresholdsReadable(full))
            {
                var cache = options.ThresholdCache;
                if (cache is null || !cache.TryGet(sensor, out thresholds))
                {
                    thresholds = await ReadThresholdsAsync(channel, sensor, address, bridge, cancellationToken).ConfigureAwait(false);
                    cache?.Set(sensor, thresholds);
                }
            }
        }

        return SensorInterpreter.Interpret(sensor, data, thresholds, factors, options.Interpretation);
    }

    // Sensor capabilities b3:2: 01 readable, 10 readable and settable (IPMI v2.0 §43.1 byte 12).
    private static bool ThresholdsReadable(FullSensorRecord full) => ((full.SensorCapabilities >> 2) & 0x03) is 1 or 2;

    private static bool TryAddress(SdrSensor sensor, SensorReadOptions options, out byte address, out byte? bridge, out string? reason)
    {
        address = options.BmcAddress;
        bridge = null;
        reason = null;
        if (options.AssumeBmcOwner || sensor.IsOwnedBy(options.BmcAddress))
        {
            return true;
        }

        if ((sensor.OwnerId & 0x01) != 0)
        {
            reason = $"owned by system software ID 0x{sensor.OwnerId:X2}, not readable over LAN";
            return false;
        }

        if (!options.BridgeForeignSensors)
        {
            reason = $"owned by controller 0x{sensor.OwnerId:X2} on channel {sensor.Channel}; bridging is disabled";
            return false;
        }

        address = sensor.OwnerId;
        bridge = sensor.Channel;
        return true;
    }

    private static async Task<SensorThresholdsData?> ReadThresholdsAsync(
        IIpmiChannel channel, SdrSensor sensor, byte address, byte? bridge, CancellationToken cancellationToken)
    {
        var response = await channel.SendAsync(
            GetSensorThresholds.CreateRequest(sensor.SensorNumber, address, sensor.OwnerLun, bridge), cancellationToken).ConfigureAwait(false);
        if (!response.IsOk)
        {
            // Fall back to the SDR's threshold copy.
            return null;
        }

        try
        {
            return GetSensorThresholds.DecodeResponse(response.Data.Span);
        }
        catch (IpmiProtocolException)
        {
            return null;
        }
    }

    private static async Task<ReadingFactors?> ReadFactorsAsync(
        IIpmiChannel channel, SdrSensor sensor, byte address, byte? bridge, byte raw, CancellationToken cancellationToken)
    {
        var response = await channel.SendAsync(
            GetSensorReadingFactors.CreateRequest(sensor.SensorNumber, raw, address, sensor.OwnerLun, bridge), cancellationToken).ConfigureAwait(false);
        if (!response.IsOk)
        {
            return null;
        }

        try
        {
            return GetSensorReadingFactors.DecodeResponse(response.Data.Span).Factors;
        }
        catch (IpmiProtocolException)
        {
            return null;
        }
    }
}
