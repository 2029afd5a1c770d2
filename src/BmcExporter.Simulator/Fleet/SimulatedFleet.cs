using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using BmcExporter.Ipmi.Session;
using BmcExporter.Simulator.Bmc;
using BmcExporter.Simulator.Faults;
using BmcExporter.Simulator.Profiles;
using BmcExporter.Simulator.Redfish;

namespace BmcExporter.Simulator.Fleet;

/// <summary>
/// N simulated BMCs in one process, one UDP socket each (BMC i on port base + i, or a free port), served by
/// async receive loops: no thread per BMC. Start with <see cref="StartAsync"/>, stop with <see cref="DisposeAsync"/>.
/// </summary>
public sealed class SimulatedFleet : IAsyncDisposable
{
    private readonly SimulatedBmc[] _bmcs;
    private readonly CancellationTokenSource _stop;
    private readonly Task _completion;
    private readonly RedfishFleetServer? _redfish;

    private SimulatedFleet(FleetContext context, SimulatedBmc[] bmcs, FleetCredentials credentials, CancellationTokenSource stop, RedfishFleetServer? redfish)
    {
        Context = context;
        _redfish = redfish;
        _bmcs = bmcs;
        Credentials = credentials;
        _stop = stop;
        Endpoints = [.. bmcs.Select(b => b.EndPoint)];
        _completion = Task.WhenAll(bmcs.Select(b => Task.Run(() => b.RunAsync(stop.Token), CancellationToken.None)));
    }

    /// <summary>The UDP endpoint of BMC i at index i.</summary>
    public ImmutableArray<IPEndPoint> Endpoints { get; }

    /// <summary>The HTTPS endpoint of BMC i's Redfish service at index i; empty when Redfish is off.</summary>
    public ImmutableArray<IPEndPoint> RedfishEndpoints => _redfish?.Endpoints ?? [];

    /// <summary>The CA and certificate of the Redfish side (write the CA with WriteCaFile); null when Redfish is off.</summary>
    public RedfishCertificates? RedfishCertificates => _redfish?.Certificates;

    /// <summary>Request counters of the Redfish side; null when Redfish is off.</summary>
    public RedfishServerStatistics? RedfishStatistics => _redfish?.Statistics;

    /// <summary>The USER-privilege account every BMC accepts (configured or generated).</summary>
    public FleetCredentials Credentials { get; }

    public SimProfile Profile => Context.Profile;

    public FleetStatistics Statistics => Context.Statistics;

    /// <summary>Completes when every BMC's receive loop has ended (after dispose).</summary>
    public Task Completion => _completion;

    internal FleetContext Context { get; }

    /// <summary>Active sessions of BMC <paramref name="index"/> (the table is owned by its receive loop; a snapshot).</summary>
    public int ActiveSessions(int index) => _bmcs[index].ActiveSessionCount;

    /// <summary>Binds every socket and starts serving. Port conflicts fail with the port named.</summary>
    public static async Task<SimulatedFleet> StartAsync(FleetOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        var profile = options.Profile ?? ProfileLoader.LoadShipped(ProfileLoader.DefaultName);
        var credentials = CreateCredentials(options);
        var users = profile.Users.Add(new SimUser(credentials.UserName, Encoding.ASCII.GetBytes(credentials.Password), PrivilegeLevel.User));
        var context = new FleetContext(profile, options.Seed, options.TimeProvider, users, options.IdleTimeout ?? profile.Sessions.IdleTimeout);
        var plans = FaultLoader.Assign(options.Faults, options.BmcCount, options.Seed);
        var bmcs = new SimulatedBmc[options.BmcCount];
        try
        {
            for (var i = 0; i < bmcs.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var port = options.PortBase == 0 ? 0 : options.PortBase + i;
                bmcs[i] = new SimulatedBmc(context, i, Bind(options.BindAddress, port), plans[i]);
            }
        }
        catch
        {
            foreach (var b in bmcs)
            {
                b?.Dispose();
            }

            throw;
        }

        RedfishFleetServer? redfish = null;
        if (options.Redfish is { } redfishOptions)
        {
            try
            {
                redfish = await RedfishFleetServer.StartAsync(context, options.BmcCount, options.BindAddress, redfishOptions, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                foreach (var b in bmcs)
                {
                    b.Dispose();
                }

                throw;
            }
        }

        var stop = new CancellationTokenSource();
        return new SimulatedFleet(context, bmcs, credentials, stop, redfish);
    }

    private static Socket Bind(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            return socket;
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new InvalidOperationException($"Cannot bind UDP {address}:{port} for a simulated BMC: {ex.Message}", ex);
        }
    }

    private static FleetCredentials CreateCredentials(FleetOptions options)
    {
        var name = options.UserName ?? "sim";
        if (options.Password is { } password)
        {
            return new FleetCredentials(name, Encoding.ASCII.GetString(password.Span));
        }

        // 16 characters from an unambiguous alphabet: easy to paste, ~90 bits of entropy.
        const string alphabet = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY3479";
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return new FleetCredentials(name, new string(chars));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var b in _bmcs)
        {
            b.Dispose();
        }

        try
        {
            await _completion.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // expected on stop
        }

        _stop.Dispose();
        if (_redfish is not null)
        {
            await _redfish.DisposeAsync().ConfigureAwait(false);
        }
    }

    public override string ToString() => $"fleet of {_bmcs.Length} BMCs ({Profile.Name})";
}
