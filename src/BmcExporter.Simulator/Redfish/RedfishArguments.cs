using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Redfish;

/// <summary>The <c>--redfish-*</c> options of <c>simulate</c>; every mistake names the option.</summary>
internal sealed class RedfishArguments
{
    private readonly List<RedfishFaultRule> _faults = [];
    private RedfishSchema _schema = RedfishSchema.Both;
    private string? _mockup;
    private string? _caOut;

    public int? PortBase { get; set; }

    public void Set(string option, string value)
    {
        switch (option)
        {
            case "--redfish-schema":
                _schema = value switch
                {
                    "legacy" => RedfishSchema.Legacy,
                    "modern" => RedfishSchema.Modern,
                    "both" => RedfishSchema.Both,
                    _ => throw new ArgumentException($"--redfish-schema: '{value}' is not legacy, modern or both."),
                };
                break;
            case "--redfish-mockup":
                _mockup = File.Exists(Path.Combine(value, "index.json")) ? value : throw new ArgumentException($"--redfish-mockup: '{value}' has no index.json.");
                break;
            case "--redfish-ca-out":
                _caOut = value;
                break;
            case "--redfish-fault":
                try
                {
                    _faults.AddRange(RedfishFaultLoader.Parse($"faults: [ {value} ]", option));
                }
                catch (ProfileException ex)
                {
                    throw new ArgumentException(ex.Message, ex);
                }

                break;
        }
    }

    /// <summary>The Redfish options, or null when no --redfish-port-base was given (other --redfish-* then fail).</summary>
    public RedfishServerOptions? Build(int bmcs)
    {
        if (PortBase is not { } portBase)
        {
            return _mockup is null && _caOut is null && _faults.Count == 0 && _schema == RedfishSchema.Both
                ? null
                : throw new ArgumentException("--redfish-* options need --redfish-port-base.");
        }

        if (portBase != 0 && portBase + bmcs - 1 > 65535)
        {
            throw new ArgumentException($"--redfish-port-base {portBase} with --bmcs {bmcs} runs past port 65535.");
        }

        RedfishCertificates? certificates = null;
        if (_caOut is not null)
        {
            certificates = RedfishCertificates.Generate(TimeProvider.System);
            try
            {
                certificates.WriteCaFile(_caOut);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                certificates.Dispose();
                throw new ArgumentException($"--redfish-ca-out: cannot write '{_caOut}': {ex.Message}", ex);
            }
        }

        return new RedfishServerOptions { PortBase = portBase, Schema = _schema, MockupDirectory = _mockup, Faults = _faults, Certificates = certificates };
    }
}
