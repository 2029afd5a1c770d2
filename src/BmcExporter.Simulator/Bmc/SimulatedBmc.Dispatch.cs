using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Framing;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Simulator.Bmc;

internal sealed partial class SimulatedBmc
{
    /// <summary>
    /// Runs one command. <paramref name="session"/> is null before a session exists. Returns the completion code
    /// and writes the response data (after the completion code) to <paramref name="response"/>.
    /// </summary>
    private byte Dispatch(in IpmiMessageHeader h, ReadOnlySpan<byte> data, BmcSession? session, Span<byte> response, out int length, TimeSpan elapsed)
    {
        length = 0;
        var privilege = session?.CurrentPrivilege ?? PrivilegeLevel.Highest;
        try
        {
            byte[]? result;
            var cc = (NetFn)h.NetFn switch
            {
                NetFn.App => App(h.Command, data, session, out result),
                NetFn.Chassis => Chassis(h.Command, out result),
                NetFn.SensorEvent => Sensor(h.Command, h.ResponderLun, data, elapsed, out result),
                NetFn.Storage => Storage(h.Command, data, privilege, elapsed, out result),
                NetFn.GroupExtension => GroupExtension(h.Command, data, elapsed, out result),
                (NetFn)SupermicroLanMode.NetFunction => session is null ? Fail(CompletionCode.InsufficientPrivilege, out result) : SupermicroOem(h.Command, data, out result),
                _ => Unsupported(out result),
            };
            if (result is not null && cc == 0)
            {
                result.CopyTo(response);
                length = result.Length;
            }

            return cc;
        }
        catch (IpmiProtocolException)
        {
            return (byte)CompletionCode.RequestDataLengthInvalid;
        }
    }

    private static byte Unsupported(out byte[]? result)
    {
        result = null;
        return (byte)CompletionCode.InvalidCommand;
    }

    private static byte Ok(byte[] data, out byte[]? result)
    {
        result = data;
        return 0;
    }

    private static byte Fail(CompletionCode code, out byte[]? result)
    {
        result = null;
        return (byte)code;
    }
}
