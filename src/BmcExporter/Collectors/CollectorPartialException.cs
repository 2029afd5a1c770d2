namespace BmcExporter.Collectors;

/// <summary>
/// A collector published what it could read but not everything (an SDR walk still in progress, readings cut short):
/// <c>ipmi_up</c> for it is 0 with this reason, while the data read stays in the snapshot. Not retried.
/// </summary>
public sealed class CollectorPartialException : Exception
{
    public CollectorPartialException(string message)
        : base(message)
    {
    }

    public CollectorPartialException()
    {
    }

    public CollectorPartialException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
