using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Ipmi.IntegrationTests.Oracle;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Ipmi.IntegrationTests.Sim;

/// <summary>Session options for the product's client against a simulator; short timeouts keep failure tests quick.</summary>
internal static class ClientFactory
{
    public static IpmiSessionOptions Options(
        IBmcTarget sim,
        string user = SimBmc.ReaderUser,
        string password = SimBmc.ReaderPassword,
        PrivilegeLevel privilege = PrivilegeLevel.User,
        IReadOnlyList<byte>? cipherSuites = null,
        int? port = null,
        TimeSpan? requestTimeout = null) => new()
        {
            Host = sim.Host,
            Port = port ?? sim.Port,
            UserName = user,
            Password = IpmiSecret.FromString(password),
            Privilege = privilege,
            CipherSuites = cipherSuites ?? [17, 3],
            RequestTimeout = requestTimeout ?? TimeSpan.FromMilliseconds(400),
            Retries = 2,
            MaxReestablishAttempts = 1,
        };

    /// <summary>A reader session for comparisons: generous per-request timeout, so a loaded machine cannot make it flaky.</summary>
    public static ValueTask<IpmiSession> OpenReaderAsync(IBmcTarget sim, CancellationToken cancellationToken) =>
        IpmiSession.OpenAsync(Options(sim, requestTimeout: TimeSpan.FromSeconds(2)), cancellationToken);

    /// <summary>
    /// The longest a failing call may take by configuration: every attempt of one exchange times out
    /// ((Retries + 1) × RequestTimeout), once for the request and once per allowed re-establishment.
    /// </summary>
    public static TimeSpan ConfiguredBudget(IpmiSessionOptions options, bool includesReestablish) =>
        options.RequestTimeout * ((options.Retries + 1) * (includesReestablish ? 1 + options.MaxReestablishAttempts : 1));
}
