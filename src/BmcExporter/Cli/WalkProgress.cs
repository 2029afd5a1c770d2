namespace BmcExporter.Cli;

/// <summary>
/// A progress line on stderr for a long step of a client command: nothing for the first <see cref="Quiet"/>, then
/// the step and its elapsed seconds, rewritten in place every second, and erased when the step ends. Only on a
/// terminal: piped or redirected output never receives it.
/// </summary>
internal sealed class WalkProgress : IDisposable
{
    /// <summary>Steps shorter than this show nothing.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    private readonly TextWriter _stderr;
    private readonly string _what;
    private readonly long _started;
    private readonly TimeProvider _time;
    private readonly ITimer? _timer;
    private readonly Func<string?>? _detail;
    private readonly Lock _lock = new();
    private bool _shown;
    private bool _done;

    private WalkProgress(TextWriter stderr, string what, TimeProvider time, bool enabled, Func<string?>? detail)
    {
        _stderr = stderr;
        _what = what;
        _detail = detail;
        _time = time;
        _started = time.GetTimestamp();
        _timer = enabled ? time.CreateTimer(_ => Tick(), null, Quiet, TimeSpan.FromSeconds(1)) : null;
    }

    /// <summary>
    /// Starts showing progress of <paramref name="what"/> when <paramref name="terminal"/> is true; <paramref name="detail"/>,
    /// asked at every refresh, adds how far the step has come (e.g. <c>37/153 records</c>), nothing when it gives null.
    /// </summary>
    public static WalkProgress Start(TextWriter stderr, bool terminal, string what, TimeProvider? time = null, Func<string?>? detail = null) =>
        new(stderr, what, time ?? TimeProvider.System, terminal, detail);

    /// <summary>Whether a line was shown (tests).</summary>
    public bool Shown
    {
        get
        {
            lock (_lock)
            {
                return _shown;
            }
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        lock (_lock)
        {
            _done = true;
            if (_shown)
            {
                // Carriage return, erase the line (ECMA-48 EL).
                _stderr.Write("\r\u001b[2K");
                _stderr.Flush();
            }
        }
    }

    private void Tick()
    {
        lock (_lock)
        {
            if (_done)
            {
                return;
            }

            _shown = true;
            var detail = _detail?.Invoke() is { } d ? $"{d}, " : string.Empty;
            _stderr.Write($"\r\u001b[2Kbmc-exporter: {_what} … {detail}{_time.GetElapsedTime(_started).TotalSeconds:0} s");
            _stderr.Flush();
        }
    }
}
