namespace BmcExporter.Sessions;

/// <summary>No session could be opened for this scrape; the message leads with the cause (no answer, unreachable,
/// authentication, session slots exhausted) and the inner exception is the client's.</summary>
public sealed class SessionUnavailableException : Exception
{
    public SessionUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SessionUnavailableException()
    {
    }

    public SessionUnavailableException(string message)
        : base(message)
    {
    }
}
