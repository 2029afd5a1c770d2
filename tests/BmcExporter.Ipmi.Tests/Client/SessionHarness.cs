using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Ipmi.Session;
using Microsoft.Extensions.Time.Testing;

namespace BmcExporter.Ipmi.Tests.Client;

/// <summary>A fake BMC, an in-memory transport to it and a fake clock, with helpers to drive time.</summary>
internal sealed class SessionHarness
{
    public SessionHarness(params byte[] suites)
    {
        Bmc = new FakeBmc(suites);
        Transport = new MemoryTransport(Bmc);
    }

    public FakeBmc Bmc { get; }

    public MemoryTransport Transport { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public IpmiSessionOptions Options(
        string user = "reader", string password = "readpass", byte[]? suites = null, PrivilegeLevel privilege = PrivilegeLevel.User, bool allowSuite0 = false)
        => new()
        {
            Host = "fake-bmc",
            UserName = user,
            Password = IpmiSecret.FromString(password),
            CipherSuites = suites ?? [17, 3],
            Privilege = privilege,
            AllowCipherSuite0 = allowSuite0,
            TimeProvider = Time,
            RequestTimeout = TimeSpan.FromSeconds(1),
            Retries = 2,
        };

    public ValueTask<IpmiSession> OpenAsync(IpmiSessionOptions options)
        => IpmiSession.OpenAsync(options, Transport, CancellationToken.None);

    /// <summary>Advances fake time in steps until <paramref name="task"/> completes (bounded: 2000 steps).</summary>
    public async Task<T> DriveAsync<T>(Task<T> task, TimeSpan? step = null)
    {
        await DriveAsync((Task)task, step);
        return await task;
    }

    public async Task DriveAsync(Task task, TimeSpan? step = null)
    {
        for (var i = 0; i < 2000 && !task.IsCompleted; i++)
        {
            await Task.Delay(1);
            if (!task.IsCompleted)
            {
                Time.Advance(step ?? TimeSpan.FromMilliseconds(250));
            }
        }

        Assert.True(task.IsCompleted, "the operation did not finish within the bounded number of time steps");
    }

    public static IpmiRequest GetDeviceId => new(NetFn.App, 0x01, ReadOnlyMemory<byte>.Empty);
}
