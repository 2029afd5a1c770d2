using System.Collections.Concurrent;
using BmcExporter.Config;
using BmcExporter.Logging;
using BmcExporter.Snapshots;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Engine;

/// <summary>
/// Sends each target to the scraper of its module's <c>protocol</c>. For <c>auto</c> it probes the Redfish service
/// root once and remembers the answer per target: Redfish is kept until a scrape finds the service unreachable
/// (connection, TLS or timeout), IPMI is kept for <see cref="RecheckInterval"/>; a changed module probes again.
/// </summary>
public sealed class ProtocolScraper : ITargetScraper
{
    /// <summary>How long an <c>auto</c> target read over IPMI waits before Redfish is probed again.</summary>
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromHours(1);

    private readonly ITargetScraper _ipmi;
    private readonly RedfishTargetScraper _redfish;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Choice> _choices = new(StringComparer.Ordinal);

    public ProtocolScraper(ITargetScraper ipmi, RedfishTargetScraper redfish, TimeProvider time, ILogger logger)
    {
        _ipmi = ipmi;
        _redfish = redfish;
        _time = time;
        _logger = logger;
    }

    /// <summary>The protocol <c>auto</c> chose for <paramref name="targetKey"/>, or <c>null</c> before its first scrape.</summary>
    public ModuleProtocol? ChosenFor(string targetKey) => _choices.TryGetValue(targetKey, out var c) ? c.Protocol : null;

    /// <inheritdoc />
    public async Task ScrapeAsync(ScrapeTarget target, SnapshotBuilder builder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var protocol = target.Module.Protocol == ModuleProtocol.Auto
            ? await ChooseAsync(target, cancellationToken).ConfigureAwait(false)
            : target.Module.Protocol;
        if (protocol != ModuleProtocol.Redfish)
        {
            await _ipmi.ScrapeAsync(target, builder, cancellationToken).ConfigureAwait(false);
            return;
        }

        var reachable = await _redfish.ScrapeAndReportAsync(target, builder, cancellationToken).ConfigureAwait(false);
        if (!reachable && target.Module.Protocol == ModuleProtocol.Auto)
        {
            _choices.TryRemove(target.Key, out _);
        }
    }

    /// <inheritdoc />
    public async ValueTask ForgetAsync(string targetKey)
    {
        _choices.TryRemove(targetKey, out _);
        await _ipmi.ForgetAsync(targetKey).ConfigureAwait(false);
        await _redfish.ForgetAsync(targetKey).ConfigureAwait(false);
    }

    private async Task<ModuleProtocol> ChooseAsync(ScrapeTarget target, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_choices.TryGetValue(target.Key, out var known) && known.Module == target.Module
            && (known.Protocol == ModuleProtocol.Redfish || now - known.At < RecheckInterval))
        {
            return known.Protocol;
        }

        var (present, reason) = await _redfish.ProbeAsync(target, cancellationToken).ConfigureAwait(false);
        var protocol = present ? ModuleProtocol.Redfish : ModuleProtocol.Ipmi;
        if (protocol == ModuleProtocol.Redfish)
        {
            // The IPMI session of a target that moved to Redfish is closed, not kept idle.
            await _ipmi.ForgetAsync(target.Key).ConfigureAwait(false);
        }

        _choices[target.Key] = new Choice(protocol, now, target.Module);
        Log.ProtocolChosen(_logger, target.Key, protocol == ModuleProtocol.Redfish ? "Redfish" : "IPMI", reason);
        return protocol;
    }

    private sealed record Choice(ModuleProtocol Protocol, DateTimeOffset At, ModuleConfig Module);
}
