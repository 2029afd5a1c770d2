using BmcExporter.Redfish.Http;
using BmcExporter.Redfish.Model;
using BmcExporter.Redfish.Parsing;

namespace BmcExporter.Redfish.Reading;

/// <summary>
/// The one system power reading of a service (docs/redfish.md, "System power"), never counted twice: chassis that
/// hold a ComputerSystem (<c>Links.ComputerSystems</c>) first, then the others, each in listing order; per chassis the
/// legacy Power resource's system PowerControl member (or the sum of the members that split the system, see
/// PowerControlSelector) when the chassis links Power and has one, else EnvironmentMetrics PowerWatts. The first
/// chassis with a value wins and the others are not read: an enclosure's power includes what its sub-chassis draw, so
/// adding them up would count the same watts twice. A Power resource the readings already
/// fetched is not fetched again; otherwise one GET per chassis tried (a reading: revalidated with its ETag).
/// </summary>
internal sealed class SystemPowerReader(RedfishSession session)
{
    /// <summary>
    /// The first chassis' system power with a value; when no chassis gives a value, the first system power member found
    /// (its values null: measurement inactive); null when no chassis offers one at all.
    /// </summary>
    public async Task<RedfishSystemPower?> ReadAsync(RedfishReadings readings, CancellationToken cancellationToken)
    {
        RedfishSystemPower? inactive = null;
        foreach (var chassis in readings.Chassis.Where(c => c.HoldsSystem).Concat(readings.Chassis.Where(c => !c.HoldsSystem)))
        {
            var power = await ReadAsync(chassis, cancellationToken).ConfigureAwait(false);
            if (power?.ConsumedWatts is not null)
            {
                return power;
            }

            inactive ??= power;
        }

        return inactive;
    }

    /// <summary>
    /// The chassis' Power resource first; EnvironmentMetrics when the chassis has no Power, or when no PowerControl member
    /// (nor sum of members) there measures the whole system, such as a Power resource with CPU and memory members only.
    /// </summary>
    private async Task<RedfishSystemPower?> ReadAsync(RedfishChassisState chassis, CancellationToken cancellationToken)
    {
        if (chassis.PowerUri is { } uri)
        {
            var fromPower = chassis.PowerRead
                ? chassis.LegacyPower
                : await session.TryGetAsync(uri, CachePolicy.Reading, cancellationToken).ConfigureAwait(false) is { } p
                    ? PowerParser.SystemPowerControl(p, uri, chassis.Id)
                    : null;
            if (fromPower is not null)
            {
                return fromPower;
            }
        }

        if (chassis.EnvironmentMetricsUri is { } env)
        {
            var metrics = await session.TryGetAsync(env, CachePolicy.Reading, cancellationToken).ConfigureAwait(false);
            return metrics is { } m ? PowerParser.EnvironmentPower(m, env) : null;
        }

        return null;
    }
}
