using System.Net;
using BmcExporter.Simulator.Faults;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Fleet;

/// <summary>How to start a simulated fleet. Defaults: one BMC on a free loopback port, typical-1u profile.</summary>
public sealed class FleetOptions
{
    /// <summary>Number of BMCs; each gets its own UDP port.</summary>
    public int BmcCount { get; init; } = 1;

    /// <summary>First UDP port (BMC i listens on PortBase + i); 0 = let the OS pick free ports.</summary>
    public int PortBase { get; init; }

    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>The profile every BMC runs; null = the shipped typical-1u profile.</summary>
    public SimProfile? Profile { get; init; }

    /// <summary>Seed for sensor behaviour, fault selection, GUIDs and generated credentials' spread.</summary>
    public ulong Seed { get; init; } = 1;

    public IReadOnlyList<FaultRule> Faults { get; init; } = [];

    /// <summary>The USER account every BMC accepts; null = generated (see <see cref="SimulatedFleet.Credentials"/>).</summary>
    public string? UserName { get; init; }

    /// <summary>Password bytes for <see cref="UserName"/> (at most 20); null = generated.</summary>
    public ReadOnlyMemory<byte>? Password { get; init; }

    /// <summary>Overrides the profile's idle session timeout (IPMI v2.0 default 60 s).</summary>
    public TimeSpan? IdleTimeout { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Also serve Redfish over HTTPS from every BMC (docs/redfish.md); null = IPMI only.</summary>
    public Redfish.RedfishServerOptions? Redfish { get; init; }

    internal void Validate()
    {
        if (BmcCount is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(BmcCount), BmcCount, "--bmcs must be between 1 and 65535.");
        }

        if (PortBase != 0 && (PortBase < 1 || PortBase + BmcCount - 1 > 65535))
        {
            throw new ArgumentOutOfRangeException(nameof(PortBase), PortBase, $"--port-base {PortBase} with {BmcCount} BMCs runs past port 65535.");
        }

        if (UserName is { Length: > 16 })
        {
            throw new ArgumentException("The user name must be at most 16 bytes (IPMI v2.0 §13.20).", nameof(UserName));
        }

        if (Password is { Length: > 20 })
        {
            throw new ArgumentException("The password must be at most 20 bytes (IPMI v2.0 §13.31).", nameof(Password));
        }
    }
}

/// <summary>The generated or configured USER-privilege account of a fleet. <see cref="ToString"/> hides the password.</summary>
public sealed class FleetCredentials(string userName, string password)
{
    public string UserName { get; } = userName;

    public string Password { get; } = password;

    public override string ToString() => $"user {UserName} (password redacted)";
}
