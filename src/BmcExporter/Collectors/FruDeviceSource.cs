using BmcExporter.Config;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Logging;

namespace BmcExporter.Collectors;

/// <summary>
/// Where the <c>fru</c> collector learns which FRU devices exist: the target's SDR repository. With the <c>sensors</c>
/// collector in the module it is that collector's walk (kept per target in the state store, no command sent here);
/// without it, a walk of its own, resumed like the sensors walk and brought up to date once per cache period.
/// </summary>
internal static class FruDeviceSource
{
    /// <summary>The devices to read, and why the list may be short (SDR not read or not complete yet), or <c>null</c>.</summary>
    public static async Task<(IReadOnlyList<FruDevice> Devices, string? Problem)> ListAsync(
        CollectContext context, FruTargetCache cache, TimeSpan cacheFor, CancellationToken cancellationToken)
    {
        var key = context.Target.Key;
        SdrWalkState? walk;
        if (context.Target.Module.HasCollector(CollectorKind.Sensors))
        {
            walk = context.State.GetSdrCache(key)?.Walk;
        }
        else
        {
            walk = cache.OwnWalk;
            var now = context.Time.GetUtcNow();
            if (!walk.Complete || cache.OwnWalkCheckedAt is not { } checkedAt || now - checkedAt >= cacheFor)
            {
                var outcome = await WalkAsync(context, walk, cancellationToken).ConfigureAwait(false);
                if (outcome.NoRepository)
                {
                    cache.OwnWalkCheckedAt = now;
                    return (FruDevices.From([]).Devices, null);
                }

                if (outcome.Problem is { } walkProblem)
                {
                    return (FruDevices.From(walk.Records).Devices, walkProblem);
                }

                cache.OwnWalkCheckedAt = walk.Complete ? now : null;
            }
        }

        if (walk is null)
        {
            return (FruDevices.From([]).Devices, "SDR repository not read yet (the sensors collector reads it), so only FRU 0 was asked");
        }

        var (devices, physical) = FruDevices.From(walk.Records);
        if (physical > 0)
        {
            Log.FruPhysicalLocatorsSkipped(context.Logger, physical, key);
        }

        var problem = walk.Complete
            ? null
            : $"SDR repository still being read ({walk.Records.Count} records so far), FRU devices of later locators not asked yet";
        return (devices, problem);
    }

    /// <summary>
    /// Brings <paramref name="walk"/> up to date (resuming where it stopped) and sorts the BMC's refusals: no SDR
    /// repository at all (FRU 0 is all there is to ask), or a problem that leaves the locators of later records
    /// unknown. A transient error propagates. Shared by the collector and <c>bmc-exporter fru</c>.
    /// </summary>
    public static async Task<FruSdrWalk> ResumeWalkAsync(IIpmiChannel channel, SdrWalkState walk, SdrReadOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(walk);
        try
        {
            await SdrRepositoryReader.ResumeAsync(channel, walk, options, cancellationToken).ConfigureAwait(false);
            return default;
        }
        catch (IpmiCompletionCodeException e) when (e.CompletionCode == (byte)CompletionCode.InvalidCommand)
        {
            // No SDR repository (IPMI v2.0 §33: optional): no locators, FRU 0 is all there is to ask.
            return new FruSdrWalk(true, null);
        }
        catch (Exception e) when (e is IpmiCompletionCodeException or IpmiProtocolException && !ErrorClassifier.IsTransient(e))
        {
            return new FruSdrWalk(false, $"SDR repository not readable ({ErrorClassifier.Describe(e)}), FRU devices of its locators not asked");
        }
    }

    /// <summary>Resumes the walk within <see cref="SensorsCollector.WalkShare"/> of the time left; keeps what was read on a deadline.</summary>
    private static async Task<FruSdrWalk> WalkAsync(CollectContext context, SdrWalkState walk, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (context.Builder.Deadline != DateTimeOffset.MaxValue)
        {
            budget.CancelAfter(context.Builder.Remaining * SensorsCollector.WalkShare);
        }

        try
        {
            var options = SdrReadOptions.Default with { AssumeMaxRecordCount = context.Target.Module.HasWorkaround("assumemaxsdrrecordcount") };
            return await ResumeWalkAsync(context.Channel, walk, options, budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The walk used its share of the deadline: FRU devices of the records read so far are asked.
            return default;
        }
    }
}

/// <summary>How a walk of the SDR repository for FRU Device Locators ended.</summary>
/// <param name="NoRepository">The BMC has no SDR repository (Get SDR Repository Info: invalid command).</param>
/// <param name="Problem">Why the walk stopped short (the records read so far are kept), or <c>null</c>.</param>
internal readonly record struct FruSdrWalk(bool NoRepository, string? Problem);
