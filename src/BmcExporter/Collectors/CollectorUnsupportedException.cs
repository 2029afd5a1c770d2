namespace BmcExporter.Collectors;

/// <summary>
/// The BMC does not offer what a collector reads (no DCMI, no FRU data...): the collector is recorded as unsupported
/// for the target and not asked again until a re-check is due. The message says what was refused, once.
/// </summary>
public sealed class CollectorUnsupportedException : Exception
{
    public CollectorUnsupportedException(string message)
        : base(message)
    {
    }

    public CollectorUnsupportedException()
    {
    }

    public CollectorUnsupportedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
