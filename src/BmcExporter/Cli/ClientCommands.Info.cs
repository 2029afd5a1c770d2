using BmcExporter.Ipmi;
using BmcExporter.Collectors;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Commands;

namespace BmcExporter.Cli;

internal static partial class ClientCommands
{
    private static async Task InfoAsync(IIpmiChannel session, ClientCommandOptions options, TextWriter stdout, CancellationToken cancellationToken)
    {
        var id = await session.GetDeviceIdAsync(cancellationToken).ConfigureAwait(false);
        var firmware = $"{id.FirmwareMajor}.{id.FirmwareMinor:x2}";
        var ipmiVersion = $"{id.IpmiVersion & 0x0F}.{id.IpmiVersion >> 4}";
        if (options.Output == OutputFormat.Json)
        {
            await WriteJsonAsync(stdout, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("deviceId", id.DeviceId);
                w.WriteNumber("deviceRevision", id.DeviceRevision);
                w.WriteString("firmwareRevision", firmware);
                w.WriteString("ipmiVersion", ipmiVersion);
                w.WriteNumber("manufacturerId", id.ManufacturerId);
                w.WriteString("manufacturer", ManufacturerNames.Describe(id.ManufacturerId));
                w.WriteNumber("productId", id.ProductId);
                w.WriteBoolean("providesDeviceSdrs", id.ProvidesDeviceSdrs);
                w.WriteBoolean("deviceBusy", id.DeviceBusy);
                w.WriteNumber("additionalDeviceSupport", id.AdditionalDeviceSupport);
                w.WriteEndObject();
            }).ConfigureAwait(false);
            return;
        }

        await stdout.WriteLineAsync($"Device ID                 : {id.DeviceId}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"Device Revision           : {id.DeviceRevision}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"Firmware Revision         : {firmware}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"IPMI Version              : {ipmiVersion}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"Manufacturer ID           : {id.ManufacturerId}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"Manufacturer Name         : {ManufacturerNames.Describe(id.ManufacturerId)}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"Product ID                : {id.ProductId} (0x{id.ProductId:x4})").ConfigureAwait(false);
        await stdout.WriteLineAsync($"Provides Device SDRs      : {(id.ProvidesDeviceSdrs ? "yes" : "no")}").ConfigureAwait(false);
    }

    private static async Task ChassisAsync(IIpmiChannel session, ClientCommandOptions options, TextWriter stdout, CancellationToken cancellationToken)
    {
        var c = await session.GetChassisStatusAsync(cancellationToken).ConfigureAwait(false);
        var restart = await ReadRestartCauseAsync(session, cancellationToken).ConfigureAwait(false);
        if (options.Output == OutputFormat.Json)
        {
            await WriteJsonAsync(stdout, w =>
            {
                w.WriteStartObject();
                w.WriteBoolean("powerOn", c.PowerOn);
                w.WriteBoolean("powerOverload", c.PowerOverload);
                w.WriteBoolean("interlockActive", c.InterlockActive);
                w.WriteBoolean("mainPowerFault", c.MainPowerFault);
                w.WriteBoolean("powerControlFault", c.PowerControlFault);
                w.WriteString("restorePolicy", c.RestorePolicy.ToString());
                w.WriteBoolean("intrusionActive", c.IntrusionActive);
                w.WriteBoolean("frontPanelLockout", c.FrontPanelLockout);
                w.WriteBoolean("driveFault", c.DriveFault);
                w.WriteBoolean("coolingFault", c.CoolingFault);
                w.WriteString("lastPowerEvent", LastPowerEvent(c.LastPowerEvent));
                if (restart.Cause is { } cause)
                {
                    w.WriteString("restartCause", GetSystemRestartCause.Name(cause));
                    w.WriteNumber("restartCauseChannel", restart.Channel);
                }
                else
                {
                    w.WriteNull("restartCause");
                    w.WriteString("restartCauseError", restart.Text);
                }

                w.WriteEndObject();
            }).ConfigureAwait(false);
            return;
        }

        static string B(bool b) => b ? "true" : "false";
        await stdout.WriteLineAsync($"System Power         : {(c.PowerOn ? "on" : "off")}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"Power Overload       : {B(c.PowerOverload)}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"Power Interlock      : {(c.InterlockActive ? "active" : "inactive")}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"Main Power Fault     : {B(c.MainPowerFault)}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"Power Control Fault  : {B(c.PowerControlFault)}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"Power Restore Policy : {c.RestorePolicy}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"Chassis Intrusion    : {(c.IntrusionActive ? "active" : "inactive")}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"Drive Fault          : {B(c.DriveFault)}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"Cooling/Fan Fault    : {B(c.CoolingFault)}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"Last Power Event     : {LastPowerEvent(c.LastPowerEvent)}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"Restart Cause        : {restart.Text}").ConfigureAwait(false);
    }

    /// <summary>
    /// Get System Restart Cause (IPMI v2.0 §28.11). The command is optional: a BMC that refuses it with any
    /// completion code gives "not supported (completion code ...)" instead of failing the whole command.
    /// </summary>
    private static async Task<RestartCauseAnswer> ReadRestartCauseAsync(IIpmiChannel session, CancellationToken cancellationToken)
    {
        try
        {
            var (cause, channel) = await session.GetSystemRestartCauseAsync(cancellationToken).ConfigureAwait(false);
            return new RestartCauseAnswer(cause, channel, RestartCauseText(cause, channel));
        }
        catch (IpmiCompletionCodeException e)
        {
            return new RestartCauseAnswer(null, 0, RestartCauseRefused(e.CompletionCode));
        }
    }

    /// <summary>The table text of a restart cause: its name, and the channel when a command caused it.</summary>
    internal static string RestartCauseText(RestartCause cause, byte channel) =>
        cause == RestartCause.ChassisControl ? $"{GetSystemRestartCause.Name(cause)} (channel {channel})" : GetSystemRestartCause.Name(cause);

    /// <summary>The text shown when the BMC refuses Get System Restart Cause.</summary>
    internal static string RestartCauseRefused(byte completionCode) =>
        $"not supported (completion code 0x{completionCode:X2}, {CompletionCodes.Describe(completionCode)})";

    private readonly record struct RestartCauseAnswer(RestartCause? Cause, byte Channel, string Text);

    /// <summary>
    /// The Last Power Event byte of Get Chassis Status (IPMI v2.0 §28.2, Table 28-3, byte 3): bit 4 power on by an
    /// IPMI command, bit 3 power down by a power fault, bit 2 by the interlock, bit 1 by an overload, bit 0 AC failed.
    /// </summary>
    internal static string LastPowerEvent(byte value)
    {
        var events = new List<string>(5);
        if ((value & 0x01) != 0)
        {
            events.Add("ac-failed");
        }

        if ((value & 0x02) != 0)
        {
            events.Add("overload");
        }

        if ((value & 0x04) != 0)
        {
            events.Add("interlock");
        }

        if ((value & 0x08) != 0)
        {
            events.Add("fault");
        }

        if ((value & 0x10) != 0)
        {
            events.Add("command");
        }

        return events.Count == 0 ? "none" : string.Join(", ", events);
    }
}
