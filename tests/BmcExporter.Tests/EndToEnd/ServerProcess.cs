using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BmcExporter.Tests.EndToEnd;

/// <summary>
/// A Debian server binary (prometheus, prometheus-alertmanager) the tests run on loopback from its own temporary
/// directory: started with its output drained, ready once <c>/-/ready</c> answers 2xx (at most 30 s), queried through
/// <see cref="Client"/>; disposing kills it and deletes the directory. A missing binary is a failure with the install
/// command, never a skip.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private ServerProcess(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Authority = $"127.0.0.1:{port}";
        Client = new HttpClient { BaseAddress = new Uri("http://" + Authority), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary><c>host:port</c> it listens on.</summary>
    public string Authority { get; }

    public HttpClient Client { get; }

    /// <summary>A new directory for one server's config and data, under the temporary folder.</summary>
    public static string NewDirectory(string prefix)
    {
        var directory = Path.Combine(Path.GetTempPath(), "bmc-exporter-tests", prefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>A loopback TCP port free at the time of asking.</summary>
    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts <paramref name="executable"/> with <paramref name="arguments"/> (which make it listen on 127.0.0.1:<paramref name="port"/>)
    /// and waits until it is ready. <paramref name="notInstalled"/> is the failure when the binary is missing; the
    /// server owns <paramref name="directory"/> from then on.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(string executable, IEnumerable<string> arguments, string directory, int port, string notInstalled)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(notInstalled, ex);
        }

        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, directory, port);
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var ready = await server.Client.GetAsync("/-/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        await server.DisposeAsync();
        throw new TimeoutException($"{executable} did not become ready within 30 s");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
