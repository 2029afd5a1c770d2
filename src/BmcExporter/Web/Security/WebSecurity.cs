using System.Net.Security;
using BmcExporter.Config;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Web.Security;

/// <summary>
/// The web config in force, and its certificates. Like exporter-toolkit, it follows the file: when the web config
/// or a file it names changes (checked at most once a second, on the next connection or request), it is read again;
/// a new version that does not load is logged and the previous one stays in force. HTTP/2 and whether TLS is on at
/// all are fixed at start-up (they choose the listener); the log says so when they change.
/// </summary>
public sealed partial class WebSecurity : IDisposable
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

    private readonly string? _path;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private State _state;
    private DateTimeOffset _nextCheck;

    private WebSecurity(string? path, State state, TimeProvider time, ILogger logger)
    {
        _path = path;
        _state = state;
        _time = time;
        _logger = logger;
        _nextCheck = time.GetUtcNow() + CheckEvery;
        StartConfig = state.Config;
    }

    /// <summary>The config read at start-up: it decides TLS on or off and HTTP/2 for the listener.</summary>
    public WebConfig StartConfig { get; }

    /// <summary>No TLS, no authentication.</summary>
    public static WebSecurity Off(ILogger logger) => new(null, new State(WebConfig.None, null, Stamps([])), TimeProvider.System, logger);

    /// <summary>Loads <paramref name="path"/>; throws <see cref="WebConfigException"/> listing every error (file:line).</summary>
    public static WebSecurity Load(string path, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        var state = Read(path, logger);
        return new WebSecurity(path, state, time, logger);
    }

    /// <summary>The config in force now (read again first if its files changed).</summary>
    public WebConfig Current => Refresh().Config;

    /// <summary>TLS options for a new connection, from the config in force.</summary>
    public SslServerAuthenticationOptions ServerOptions() =>
        Refresh().Tls?.ServerOptions() ?? throw new InvalidOperationException("TLS is not configured");

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            _state.Tls?.Dispose();
        }
    }

    private State Refresh()
    {
        if (_path is null)
        {
            return _state;
        }

        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (now < _nextCheck)
            {
                return _state;
            }

            _nextCheck = now + CheckEvery;
            if (Stamps(_state.Config.WatchedFiles).SequenceEqual(_state.Stamps))
            {
                return _state;
            }

            try
            {
                var next = Read(_path, _logger);
                if ((next.Config.Tls is null) != (StartConfig.Tls is null) || next.Config.Http2 != StartConfig.Http2)
                {
                    LogNeedsRestart(_logger, _path);
                }

                var old = _state;
                _state = next;
                old.Tls?.Dispose();
                LogReloaded(_logger, _path);
            }
            catch (WebConfigException ex)
            {
                // Keep serving with the previous version; say why once per change of the files.
                _state = _state with { Stamps = Stamps(_state.Config.WatchedFiles) };
                LogReloadFailed(_logger, _path, ex.Message);
            }

            return _state;
        }
    }

    private static State Read(string path, ILogger logger)
    {
        var loaded = WebConfigLoader.Load(path);
        foreach (var warning in loaded.Warnings)
        {
            LogWarning(logger, warning.ToString());
        }

        if (loaded.Config is not { } config)
        {
            throw new WebConfigException(string.Join(Environment.NewLine, loaded.Errors.Select(e => e.ToString())));
        }

        var stamps = Stamps(config.WatchedFiles);
        return new State(config, config.Tls is null ? null : TlsMaterial.Load(config.Tls), stamps);
    }

    private static DateTime[] Stamps(IReadOnlyList<string> files) => [.. files.Select(f => File.Exists(f) ? File.GetLastWriteTimeUtc(f) : DateTime.MinValue)];

    [LoggerMessage(EventId = 1601, Level = LogLevel.Information, Message = "Web config {Path} read again after a change")]
    private static partial void LogReloaded(ILogger logger, string path);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Error, Message = "Web config {Path} changed but cannot be used, the previous version stays in force: {Reason}")]
    private static partial void LogReloadFailed(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Warning, Message = "Web config {Path}: turning TLS on or off, or http2, takes effect only after a restart")]
    private static partial void LogNeedsRestart(ILogger logger, string path);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogWarning(ILogger logger, string warning);

    private sealed record State(WebConfig Config, TlsMaterial? Tls, DateTime[] Stamps);
}
