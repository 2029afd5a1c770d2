using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Session;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Bmc;

internal sealed partial class SimulatedBmc
{
    private const byte LanChannel = 1;

    private byte App(byte command, ReadOnlySpan<byte> data, BmcSession? session, out byte[]? result)
    {
        switch (command)
        {
            case GetDeviceId.Command:
                return session is null ? Fail(CompletionCode.InsufficientPrivilege, out result) : Ok(DeviceId(), out result);
            case 0x37:
                // Get System GUID, IPMI v2.0 §22.14 (session-less).
                var guid = new byte[16];
                WriteGuid(guid);
                return Ok(guid, out result);
            case ChannelAuthCapabilities.Command:
                return Ok(AuthCapabilities(data), out result);
            case ChannelCipherSuites.Command:
                // nocipherlist: a BMC without Get Channel Cipher Suites, before or inside a session.
                return (Quirks & QuirkSet.CipherSuitesRefused) != 0 ? Fail(CompletionCode.InvalidCommand, out result) : CipherSuites(data, out result);
            case GetSelfTestResults.Command:
                return session is null ? Fail(CompletionCode.InsufficientPrivilege, out result)
                    : Ok(GetSelfTestResults.EncodeResponse(Profile.Chassis.SelfTest, Profile.Chassis.SelfTest == GetSelfTestResults.Corrupted ? (byte)0x04 : (byte)0), out result);
            case GetSessionInfo.Command:
                return SessionInfo(data, session, out result);
            case GetWatchdogTimer.Command:
                return session is null ? Fail(CompletionCode.InsufficientPrivilege, out result) : Ok([.. Profile.WatchdogTimer], out result);
            case GetSystemInfoParameters.Command:
                return session is null ? Fail(CompletionCode.InsufficientPrivilege, out result) : SystemInfo(data, out result);
            default:
                return Unsupported(out result);
        }
    }

    /// <summary>Get System Info Parameters, IPMI v2.0 §22.14a: only parameter 1 (System Firmware Version) when the profile has one.</summary>
    private byte SystemInfo(ReadOnlySpan<byte> data, out byte[]? result)
    {
        var (revisionOnly, parameter, set) = GetSystemInfoParameters.DecodeRequest(data);
        if (parameter != GetSystemInfoParameters.SystemFirmwareVersion || Profile.SystemFirmwareVersion is not { } version)
        {
            result = null;
            return GetSystemInfoParameters.ParameterNotSupported;
        }

        if (revisionOnly)
        {
            return Ok([0x11], out result);
        }

        return set >= GetSystemInfoParameters.MaxSetSelectors
            ? Fail(CompletionCode.InvalidDataField, out result)
            : Ok(GetSystemInfoParameters.EncodeStringBlock(System.Text.Encoding.Latin1.GetBytes(version), set), out result);
    }

    /// <summary>Supermicro OEM NetFn 0x30: command 0x70 sub-function 0x0C reads the LAN mode when the profile has one.</summary>
    private byte SupermicroOem(byte command, ReadOnlySpan<byte> data, out byte[]? result) =>
        command == SupermicroLanMode.Command && data.SequenceEqual(SupermicroLanMode.RequestData) && Profile.LanMode is { } mode
            ? Ok([mode], out result)
            : Unsupported(out result);

    /// <summary>Get Device ID, IPMI v2.0 §20.1.</summary>
    private byte[] DeviceId()
    {
        var id = Profile.Identity;
        return GetDeviceId.EncodeResponse(new DeviceIdInfo
        {
            DeviceId = id.DeviceId,
            DeviceRevision = id.DeviceRevision,
            FirmwareMajor = id.FirmwareMajor,
            FirmwareMinor = id.FirmwareMinorBcd,
            IpmiVersion = 0x02,
            // chassis device, event receiver, FRU inventory, SEL, SDR repository, sensor device
            AdditionalDeviceSupport = 0x9F,
            ManufacturerId = (uint)id.ManufacturerId,
            ProductId = id.ProductId,
            AuxiliaryFirmwareRevision = [.. id.AuxFirmware],
        });
    }

    /// <summary>Get Channel Authentication Capabilities, IPMI v2.0 §22.13.</summary>
    private byte[] AuthCapabilities(ReadOnlySpan<byte> data)
    {
        var extended = data.Length > 0 && (data[0] & ChannelAuthCapabilities.ExtendedDataFlag) != 0;

        // Bytes 2-3 from the security policy; non-null user names exist (b2). The authcap quirk reports what the
        // FreeIPMI workaround exists for: anonymous login enabled, no non-null users, and K_g set although it is not.
        var policy = Profile.Security;
        var (authTypes, policyFlags) = new ChannelSecurityFlags(
            policy.AuthTypes, policy.AnonymousLogin, policy.NullUserPassword is not null, NonNullUsers: true,
            policy.PerMessageAuthDisabled, policy.UserLevelAuthDisabled, KgEnabled: false).Encode();
        var flags = (Quirks & QuirkSet.AuthCapWrongBits) != 0 ? (byte)0x21 : policyFlags;
        var caps = new ChannelAuthCapabilities(
            LanChannel,
            (byte)((extended ? 0x80 : 0x00) | authTypes),
            flags,
            (byte)(extended ? 0x02 : 0x00),
            0,
            0);
        var bytes = new byte[ChannelAuthCapabilities.ResponseDataLength];
        caps.Write(bytes);
        return bytes;
    }

    /// <summary>Get Session Info for the current session (index 0), IPMI v2.0 §22.20.</summary>
    private byte SessionInfo(ReadOnlySpan<byte> data, BmcSession? session, out byte[]? result)
    {
        if (session is null)
        {
            return Fail(CompletionCode.InsufficientPrivilege, out result);
        }

        if (data.Length < 1 || data[0] != GetSessionInfo.CurrentSession)
        {
            return Fail(CompletionCode.InvalidDataField, out result);
        }

        var active = (byte)(_sessions?.Count(s => s is { State: SessionState.Active }) ?? 1);
        var handle = (byte)(Array.IndexOf(_sessions ?? [], session) + 1);
        var userId = UserId(session.User);
        return Ok(GetSessionInfo.EncodeResponse(new Ipmi.Commands.SessionInfo(handle, (byte)Profile.Sessions.SessionLimit, active, userId, session.CurrentPrivilege, LanChannel)), out result);
    }

    /// <summary>Get Channel Cipher Suites, IPMI v2.0 §22.15: 16-byte chunks of the record stream.</summary>
    private byte CipherSuites(ReadOnlySpan<byte> data, out byte[]? result)
    {
        var (_, payloadType, listIndex, _) = GetChannelCipherSuites.DecodeRequest(data);
        if (payloadType != 0)
        {
            return Fail(CompletionCode.InvalidDataField, out result);
        }

        var records = Profile.Sessions.CipherSuites.Select(id =>
        {
            var suite = CipherSuite.Get(id);
            return new CipherSuiteRecord(id, (byte)suite.Authentication, (byte)suite.Integrity, (byte)suite.Confidentiality);
        });
        var stream = GetChannelCipherSuites.EncodeRecords(records);
        if ((Quirks & QuirkSet.Sun20) != 0)
        {
            // sun20 quirk: algorithm bytes without their tag bits (reference §2.3).
            for (var i = 0; i < stream.Length; i++)
            {
                if (stream[i] is not (0xC0 or 0xC1) && (i % 5) >= 2)
                {
                    stream[i] &= 0x3F;
                }
            }
        }

        return Ok(GetChannelCipherSuites.EncodeResponse(LanChannel, GetChannelCipherSuites.Chunk(stream, listIndex)), out result);
    }
}
