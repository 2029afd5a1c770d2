namespace BmcExporter.Ipmi.Tests.Operations;

/// <summary>
/// Changes one byte (the completion code or a data byte) of a fraction of the responses from an inner channel:
/// corruption that got past the transport's integrity checks (a BMC bug, or a suite without integrity).
/// </summary>
internal sealed class MutatingChannel(IIpmiChannel inner, double fraction, int seed) : IIpmiChannel
{
    private readonly Random _random = new(seed);

    public int Mutated { get; private set; }

    public bool Enabled { get; set; } = true;

    public async ValueTask<IpmiResponse> SendAsync(IpmiRequest request, CancellationToken cancellationToken)
    {
        var response = await inner.SendAsync(request, cancellationToken);
        if (!Enabled || _random.NextDouble() >= fraction)
        {
            return response;
        }

        Mutated++;
        var bytes = new byte[response.Data.Length + 1];
        bytes[0] = response.CompletionCode;
        response.Data.Span.CopyTo(bytes.AsSpan(1));
        var at = _random.Next(bytes.Length);
        bytes[at] ^= (byte)_random.Next(1, 256);
        return new IpmiResponse(bytes[0], bytes.AsMemory(1));
    }
}
