using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Simulator.Behaviour;

namespace BmcExporter.Simulator.Bmc;

internal sealed partial class SimulatedBmc
{
    /// <summary>Get Chassis Status, IPMI v2.0 §28.2.</summary>
    private byte Chassis(byte command, out byte[]? result)
    {
        var c = Profile.Chassis;
        switch (command)
        {
            case GetSystemRestartCause.Command:
                // IPMI v2.0 §28.11: cause, channel (a chassis-control restart names the LAN channel).
                return Ok(GetSystemRestartCause.EncodeResponse((RestartCause)c.RestartCause, c.RestartCause == (byte)RestartCause.ChassisControl ? LanChannel : (byte)0), out result);
            case GetPohCounter.Command:
                // IPMI v2.0 §28.14: 60 minutes per count.
                return Ok(GetPohCounter.EncodeResponse(60, c.PowerOnHours), out result);
            case GetChassisStatus.Command:
                break;
            default:
                return Unsupported(out result);
        }

        var power = (byte)((c.PowerOn ? 0x01 : 0) | (c.PowerFault ? 0x08 : 0) | ((c.RestorePolicy & 0x03) << 5));
        var misc = (byte)((c.Intrusion ? 0x01 : 0) | (c.FrontPanelLockout ? 0x02 : 0) | (c.DriveFault ? 0x04 : 0) | (c.CoolingFault ? 0x08 : 0));
        return Ok(GetChassisStatus.EncodeResponse(new ChassisStatus(power, c.LastPowerEvent, misc, 0x00)), out result);
    }

    /// <summary>DCMI (group extension 0xDC): capabilities and power reading (DCMI v1.5 §6.1.1, §6.6.1).</summary>
    private byte GroupExtension(byte command, ReadOnlySpan<byte> data, TimeSpan elapsed, out byte[]? result)
    {
        if (Profile.Dcmi is not { } dcmi || data.Length == 0 || data[0] != Dcmi.GroupCode)
        {
            return Unsupported(out result);
        }

        switch (command)
        {
            case Dcmi.GetCapabilitiesCommand:
                var parameter = Dcmi.DecodeCapabilitiesRequest(data);
                byte[]? parameterData = parameter switch
                {
                    1 => [0x00, 0x01, 0x00], // reserved, power management supported, no extra access channels
                    5 => [0x00],             // enhanced power statistics: no rolling averaging periods
                    _ => null,
                };
                return parameterData is null
                    ? Fail(CompletionCode.InvalidDataField, out result)
                    : Ok(Dcmi.EncodeCapabilitiesResponse(new DcmiCapabilities(1, 5, 2, parameterData)), out result);
            case Dcmi.GetPowerReadingCommand:
                var (mode, _) = Dcmi.DecodePowerReadingRequest(data);
                if (mode != 0x01)
                {
                    return Fail(CompletionCode.InvalidDataField, out result);
                }

                // Statistics over the last minute, sampled from the same load curve the sensors follow (PowerModel,
                // shared with the Redfish view's PowerControl).
                var p = PowerModel.Read(dcmi, Profile.Load, _fleet.Seed, Index, elapsed);
                var reading = new DcmiPowerReading(p.Current, p.Minimum, p.Maximum, p.Average, _fleet.NowUnix, (uint)p.Period.TotalMilliseconds, 0x40);
                return Ok(Dcmi.EncodePowerReadingResponse(reading), out result);
            default:
                return Unsupported(out result);
        }
    }
}
