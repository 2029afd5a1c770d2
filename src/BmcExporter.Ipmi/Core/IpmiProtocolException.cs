namespace BmcExporter.Ipmi;

/// <summary>
/// The one exception the codec throws for malformed or unexpected wire data: a truncated packet, a length
/// field that exceeds the bytes left, a bad checksum, an unknown framing. Never carries key material.
/// </summary>
public sealed class IpmiProtocolException : Exception
{
    public IpmiProtocolException(string message)
        : base(message)
    {
    }

    public IpmiProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IpmiProtocolException()
        : base("Malformed IPMI data.")
    {
    }
}
