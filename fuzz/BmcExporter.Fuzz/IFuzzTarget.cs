namespace BmcExporter.Fuzz;

/// <summary>
/// One fuzz target: feeds untrusted bytes to decoders. A target may throw only <see cref="Ipmi.IpmiProtocolException"/>
/// (the decoders' one exception for malformed input, caught by the runner); anything else is a crash. Targets are
/// found by reflection: adding a class (for example a config-file parser) adds a target, nothing else changes.
/// </summary>
internal interface IFuzzTarget
{
    /// <summary>Short name used on the command line and as the corpus folder name.</summary>
    string Name { get; }

    void Run(ReadOnlySpan<byte> data);

    /// <summary>Seed inputs made with our own encoders (written to corpus/NAME by <c>seed</c>).</summary>
    IEnumerable<byte[]> Seeds();
}
