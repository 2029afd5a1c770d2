using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BmcExporter.Ipmi.IntegrationTests.Sim;

/// <summary>Answers "does a Docker engine respond?" quickly: one bounded GET /_ping on DOCKER_HOST or the default socket.</summary>
internal static class DockerProbe
{
    public static async Task<bool> EngineAnswersAsync(TimeSpan budget, CancellationToken cancellationToken)
    {
        string? dockerHost = Environment.GetEnvironmentVariable("DOCKER_HOST");
        EndPoint? endPoint = dockerHost switch
        {
            null or "" => File.Exists("/var/run/docker.sock") ? new UnixDomainSocketEndPoint("/var/run/docker.sock") : null,
            _ when dockerHost.StartsWith("unix://", StringComparison.Ordinal) => new UnixDomainSocketEndPoint(dockerHost["unix://".Length..]),
            _ when dockerHost.StartsWith("tcp://", StringComparison.Ordinal) && Uri.TryCreate(dockerHost, UriKind.Absolute, out Uri? uri) =>
                new DnsEndPoint(uri.Host, uri.Port),
            _ => null,
        };
        if (endPoint is null)
        {
            return false;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(budget);
        ProtocolType protocol = endPoint is UnixDomainSocketEndPoint ? ProtocolType.Unspecified : ProtocolType.Tcp;
        AddressFamily family = endPoint is UnixDomainSocketEndPoint ? AddressFamily.Unix : AddressFamily.InterNetwork;
        using var socket = new Socket(family, SocketType.Stream, protocol);
        try
        {
            await socket.ConnectAsync(endPoint, timeout.Token);
            await socket.SendAsync("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[512];
            int read = await socket.ReceiveAsync(buffer, timeout.Token);
            string reply = Encoding.ASCII.GetString(buffer, 0, read);
            return reply.StartsWith("HTTP/1.", StringComparison.Ordinal) && reply.Contains(" 200 ", StringComparison.Ordinal);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
