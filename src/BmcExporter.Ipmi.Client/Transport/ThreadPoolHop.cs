using System.Runtime.CompilerServices;

namespace BmcExporter.Ipmi.Client.Transport;

/// <summary>
/// <c>await ThreadPoolHop.Leave()</c> moves the rest of an async method to the thread pool when it runs elsewhere.
/// A session's answer resumes the session's caller on the shared socket's receive thread
/// (<see cref="UdpMultiplexer"/>), so the next command of a scrape goes out without a thread switch; work that is not
/// a short IPMI exchange (writing a state file, storing and rendering a snapshot) hops first, so that it never
/// holds up the datagrams of other sessions. On a thread-pool thread the await completes at once (no hop).
/// </summary>
public readonly struct ThreadPoolHop : ICriticalNotifyCompletion
{
    /// <summary>The awaitable: completes at once on a thread-pool thread, hops to one otherwise.</summary>
    public static ThreadPoolHop Leave() => default;

    public ThreadPoolHop GetAwaiter() => this;

    public bool IsCompleted => Thread.CurrentThread.IsThreadPoolThread;

    public void GetResult()
    {
    }

    public void OnCompleted(Action continuation) =>
        ThreadPool.QueueUserWorkItem(static c => c(), continuation, preferLocal: false);

    public void UnsafeOnCompleted(Action continuation) =>
        ThreadPool.UnsafeQueueUserWorkItem(static c => c(), continuation, preferLocal: false);
}
