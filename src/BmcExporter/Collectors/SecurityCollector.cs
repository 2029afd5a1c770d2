using BmcExporter.Config;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Session;
using BmcExporter.Snapshots;

namespace BmcExporter.Collectors;

/// <summary>
/// <c>security</c>: the posture of the IPMI port (docs/security.md). On a target's first scrape, then once per
/// <see cref="SecurityConfig.Interval"/>, it reads the cipher suites the channel lists and the session's privilege
/// over the target's session, and runs the probes that need their own handshake (authentication capabilities
/// before a session, a suite 0 setup, the opt-in default-password check). In between, the last complete reading is
/// published again. A check that fails leaves its series out; the collector then reports partial and reads again
/// on the next scrape.
/// </summary>
public sealed partial class SecurityCollector : IScrapeCollector
{
    /// <summary>Levels asked for authentication capabilities: the IPMI 1.5 types are per level (IPMI v2.0 §22.13).</summary>
    private static readonly PrivilegeLevel[] AuthCapLevels = [PrivilegeLevel.User, PrivilegeLevel.Operator, PrivilegeLevel.Administrator];

    private readonly ISecurityProber _prober;
    private readonly Dictionary<string, (SecurityConfig Config, SecuritySample Sample)> _cache = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public SecurityCollector()
        : this(new IpmiSecurityProber())
    {
    }

    public SecurityCollector(ISecurityProber prober)
    {
        _prober = prober;
    }

    /// <inheritdoc />
    public CollectorKind Kind => CollectorKind.Security;

    /// <inheritdoc />
    public async Task CollectAsync(CollectContext context, CancellationToken cancellationToken)
    {
        var config = context.Target.Module.Security;
        var now = context.Time.GetUtcNow();
        lock (_lock)
        {
            if (_cache.TryGetValue(context.Target.Key, out var cached) && cached.Config == config && now - cached.Sample.ReadAt < config.Interval)
            {
                context.Builder.SetSecurity(cached.Sample);
                return;
            }
        }

        var sample = await ReadAsync(context, config, now, cancellationToken).ConfigureAwait(false);
        context.Builder.SetSecurity(sample);
        if (sample.Problems.Count > 0)
        {
            throw new CollectorPartialException(string.Join("; ", sample.Problems));
        }

        lock (_lock)
        {
            _cache[context.Target.Key] = (config, sample);
        }
    }

    /// <summary>Forgets what was read for <paramref name="targetKey"/> (the next scrape reads the posture again).</summary>
    public void Forget(string targetKey)
    {
        lock (_lock)
        {
            _cache.Remove(targetKey);
        }
    }

    private async Task<SecuritySample> ReadAsync(CollectContext context, SecurityConfig config, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var target = context.Target;
        var suites = await CheckAsync(problems, "Get Channel Cipher Suites", () => ReadCipherSuitesAsync(context.Channel, cancellationToken), cancellationToken).ConfigureAwait(false);
        var granted = await CheckAsync(problems, "Get Session Info", async () => (PrivilegeLevel?)(await ReadSessionInfoAsync(context.Channel, cancellationToken).ConfigureAwait(false)).Privilege, cancellationToken).ConfigureAwait(false);
        var channel = await CheckAsync(problems, "Get Channel Authentication Capabilities", async () =>
        {
            var answers = await _prober.AuthCapabilitiesAsync(target, AuthCapLevels, context.Time, cancellationToken).ConfigureAwait(false);
            return answers.Count == 0 ? throw new CollectorUnsupportedException("refused at every privilege level")
                : (ChannelSecurityFlags?)answers.Select(ChannelSecurityFlags.From).Aggregate((a, b) => a.Union(b));
        }, cancellationToken).ConfigureAwait(false);
        var suite0 = await CheckAsync(problems, "cipher suite 0 probe", async () => (Ipmi.Client.Security.CipherSuiteZeroProbe?)await _prober.CipherSuiteZeroAsync(target, context.Time, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        IReadOnlyList<DefaultPasswordFinding>? defaults = null;
        if (config.DefaultPasswordCheck)
        {
            defaults = await CheckAsync(problems, "default-password check", () => CheckDefaultPasswordsAsync(context, config, suites, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        return new SecuritySample
        {
            ReadAt = now,
            SupportedCipherSuites = suites,
            CipherSuiteZeroAccepted = suite0?.Accepted,
            CipherSuiteZeroDetail = suite0?.Detail ?? string.Empty,
            Channel = channel,
            RequestedPrivilege = target.Module.Privilege,
            GrantedPrivilege = granted,
            DefaultPasswords = defaults,
            Problems = problems,
        };
    }

    /// <summary>Runs one check; a failure (other than the caller's cancellation) becomes a problem and a <c>null</c> result.</summary>
    private static async Task<T?> CheckAsync<T>(List<string> problems, string what, Func<Task<T?>> check, CancellationToken cancellationToken)
    {
        try
        {
            return await check().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Add($"{what} failed: {ErrorClassifier.Describe(ex)}");
            return default;
        }
    }
}
