using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Simulator.Profiles;

/// <summary>Validates a bound <see cref="ProfileDocument"/> and builds the immutable <see cref="SimProfile"/>.</summary>
internal static partial class ProfileCompiler
{
    public static SimProfile Compile(ProfileDocument doc, string source)
    {
        var errors = new ProfileErrors(source);
        var name = errors.Require(doc.Name, "name");
        var identity = CompileIdentity(doc.Bmc ?? new BmcDocument(), errors);
        var sessions = CompileSessions(doc.Bmc ?? new BmcDocument(), errors);
        var users = CompileUsers(doc.Users, errors);
        var chassis = CompileChassis(doc.Chassis ?? new ChassisDocument(), errors);
        var dcmi = CompileDcmi(doc.Dcmi, errors);
        var load = doc.Load ?? new LoadDocument();
        var loadCurve = new LoadCurve(
            TimeSpan.FromSeconds(errors.Range(load.PeriodSeconds, 1, 1e7, 900, "load.periodSeconds")),
            errors.Range(load.Min, 0, 1, 0.2, "load.min"),
            errors.Range(load.Max, 0, 1, 0.8, "load.max"));
        var sensors = CompileSensors(doc.Sensors, errors);
        var locators = CompileLocators(doc.Locators, errors);
        var oem = CompileOem(doc.OemRecords, errors);
        var sel = CompileSel(doc.Sel ?? new SelDocument(), sensors, errors);
        var fru = CompileFru(doc.Fru ?? new FruDocument(), name, errors);
        TimeSpan? sdrChange = doc.SdrChange?.AfterSeconds is { } after
            ? TimeSpan.FromSeconds(errors.Range(after, 0, 1e7, 0, "sdrChange.afterSeconds"))
            : null;
        if (sdrChange is null && sensors.Any(s => s.AfterSdrChange))
        {
            errors.Add("sensors", "a sensor has afterSdrChange: true but sdrChange.afterSeconds is not set");
        }

        var bmc = doc.Bmc ?? new BmcDocument();
        if (bmc.SystemFirmwareVersion is { Length: > 255 })
        {
            errors.Add("bmc.systemFirmwareVersion", "at most 255 characters");
        }

        var watchdog = bmc.Watchdog is null ? SimProfile.DefaultWatchdogTimer : CompileWatchdog(bmc.Watchdog, errors);
        byte? lanMode = bmc.LanMode is null ? null : (byte)errors.Range(bmc.LanMode, 0, 255, 0, "bmc.lanMode");
        var quirks = QuirkSet.None;
        foreach (var (q, i) in (doc.Quirks ?? []).Select((q, i) => (q, i)))
        {
            if (CodeNames.Quirks.TryGetValue(q, out var flag))
            {
                quirks |= flag;
            }
            else
            {
                errors.Add($"quirks[{i}]", $"unknown quirk '{q}' (known: {string.Join(", ", CodeNames.Quirks.Keys)})");
            }
        }

        var security = CompileSecurity(doc.Security, errors);
        errors.ThrowIfAny();
        return new SimProfile
        {
            Name = name,
            Description = doc.Description ?? "",
            Identity = identity,
            Sessions = sessions,
            Users = users,
            Chassis = chassis,
            Dcmi = dcmi,
            Load = loadCurve,
            Sensors = sensors,
            Locators = locators,
            OemRecords = oem,
            Sel = sel,
            Fru = fru,
            SdrChangeAfter = sdrChange,
            Quirks = quirks,
            Security = security,
            SystemFirmwareVersion = bmc.SystemFirmwareVersion,
            WatchdogTimer = watchdog,
            LanMode = lanMode,
        };
    }

    /// <summary>The 8 Get Watchdog Timer data bytes, written as hex bytes separated by spaces.</summary>
    private static ImmutableArray<byte> CompileWatchdog(string text, ProfileErrors errors)
    {
        var bytes = new List<byte>(8);
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (byte.TryParse(token, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
            }
            else
            {
                errors.Add("bmc.watchdog", $"'{token}' is not a hex byte");
            }
        }

        if (bytes.Count != 8)
        {
            errors.Add("bmc.watchdog", $"needs the 8 data bytes of Get Watchdog Timer, not {bytes.Count}");
            return SimProfile.DefaultWatchdogTimer;
        }

        return [.. bytes];
    }

    private static BmcIdentity CompileIdentity(BmcDocument b, ProfileErrors errors)
    {
        byte major = 1;
        byte minorBcd = 0;
        var fw = b.Firmware ?? "1.00";
        var parts = fw.Split('.');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var maj) && maj is >= 0 and <= 127
            && parts[1].Length == 2 && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var min))
        {
            major = (byte)maj;
            minorBcd = (byte)(((min / 10) << 4) | (min % 10)); // IPMI v2.0 §20.1: minor revision is BCD
        }
        else
        {
            errors.Add("bmc.firmware", $"must look like 'MAJOR.MM' (major 0-127, two-digit minor), got '{fw}'");
        }

        var aux = b.AuxFirmware ?? [0, 0, 0, 0];
        if (aux.Count != 4 || aux.Any(x => x is < 0 or > 255))
        {
            errors.Add("bmc.auxFirmware", "must be a list of 4 bytes");
            aux = [0, 0, 0, 0];
        }

        return new BmcIdentity(
            (byte)errors.Range(b.DeviceId, 0, 255, 0x20, "bmc.deviceId"),
            (byte)errors.Range(b.DeviceRevision, 0, 15, 1, "bmc.deviceRevision"),
            major,
            minorBcd,
            errors.Range(b.ManufacturerId, 0, 0xFFFFF, 0, "bmc.manufacturerId"),
            (ushort)errors.Range(b.ProductId, 0, 0xFFFF, 0, "bmc.productId"),
            [.. aux.Select(x => (byte)x)]);
    }

    private static SessionPolicy CompileSessions(BmcDocument b, ProfileErrors errors)
    {
        var suites = b.CipherSuites ?? [1, 2, 3, 17];
        byte[] supported = [0, 1, 2, 3, 15, 16, 17];
        foreach (var (s, i) in suites.Select((s, i) => (s, i)))
        {
            if (!supported.Contains((byte)s) || s is < 0 or > 255)
            {
                errors.Add($"bmc.cipherSuites[{i}]", $"cipher suite {s} is not simulated (supported: {string.Join(", ", supported)})");
            }
        }

        if (suites.Count == 0)
        {
            errors.Add("bmc.cipherSuites", "at least one cipher suite is required");
        }

        return new SessionPolicy(
            errors.Range(b.SessionLimit, 1, 64, 4, "bmc.sessionLimit"),
            TimeSpan.FromSeconds(errors.Range(b.IdleTimeoutSeconds, 1, 86400, 60, "bmc.idleTimeoutSeconds")),
            [.. suites.Select(s => (byte)s).Distinct()]);
    }

    private static ImmutableArray<SimUser> CompileUsers(List<UserDocument>? users, ProfileErrors errors)
    {
        var result = ImmutableArray.CreateBuilder<SimUser>();
        foreach (var (u, i) in (users ?? []).Select((u, i) => (u, i)))
        {
            var path = $"users[{i}]";
            var name = u.Name ?? "";
            if (Encoding.ASCII.GetByteCount(name) > 16 || name.Any(c => c is '\0' or > '\x7e'))
            {
                errors.Add(path + ".name", "must be printable ASCII of at most 16 bytes (IPMI v2.0 §13.20)");
            }

            var password = Encoding.ASCII.GetBytes(u.Password ?? "");
            if (password.Length > 20)
            {
                errors.Add(path + ".password", "must be at most 20 bytes (IPMI v2.0 §13.31)");
            }

            result.Add(new SimUser(name, password, ParsePrivilege(u.Privilege ?? "user", errors, path + ".privilege")));
        }

        return result.ToImmutable();
    }

    internal static PrivilegeLevel ParsePrivilege(string text, ProfileErrors errors, string path)
    {
        switch (text.ToUpperInvariant())
        {
            case "CALLBACK": return PrivilegeLevel.Callback;
            case "USER": return PrivilegeLevel.User;
            case "OPERATOR": return PrivilegeLevel.Operator;
            case "ADMIN" or "ADMINISTRATOR": return PrivilegeLevel.Administrator;
            case "OEM": return PrivilegeLevel.Oem;
            default:
                errors.Add(path, $"unknown privilege '{text}' (callback, user, operator, admin, oem)");
                return PrivilegeLevel.User;
        }
    }

    /// <summary>Ten years either way: enough for any skew worth testing, and the skewed clock stays inside 32 bits.</summary>
    private const int MaxClockSkewSeconds = 315_360_000;

    private static ChassisDefinition CompileChassis(ChassisDocument c, ProfileErrors errors)
    {
        // IPMI v2.0 §28.2: restore policy 00 stay off, 01 previous, 10 always on, 11 unknown.
        byte policy = (c.RestorePolicy ?? "previous").ToUpperInvariant() switch
        {
            "OFF" or "ALWAYS-OFF" => 0,
            "PREVIOUS" => 1,
            "ON" or "ALWAYS-ON" => 2,
            "UNKNOWN" => 3,
            _ => Bad(errors, "chassis.restorePolicy", "must be off, previous, on or unknown", 1),
        };
        byte lastEvent = (c.LastPowerEvent ?? "none").ToUpperInvariant() switch
        {
            "NONE" => 0,
            "AC-FAILED" => 0x01,
            "OVERLOAD" => 0x02,
            "INTERLOCK" => 0x04,
            "FAULT" => 0x08,
            "COMMAND" => 0x10,
            _ => Bad(errors, "chassis.lastPowerEvent", "must be none, ac-failed, overload, interlock, fault or command", 0),
        };
        var causes = Enum.GetValues<RestartCause>().ToDictionary(GetSystemRestartCause.Name, StringComparer.OrdinalIgnoreCase);
        var restart = causes.TryGetValue(c.RestartCause ?? "power_button", out var cause) ? (byte)cause
            : Bad(errors, "chassis.restartCause", $"must be one of {string.Join(", ", causes.Keys)}", 0x03);
        byte selfTest = (c.SelfTest ?? "passed").ToUpperInvariant() switch
        {
            "PASSED" => GetSelfTestResults.Passed,
            "NOT_IMPLEMENTED" => GetSelfTestResults.NotImplemented,
            "CORRUPTED" => GetSelfTestResults.Corrupted,
            "FATAL" => GetSelfTestResults.FatalError,
            _ => Bad(errors, "chassis.selfTest", "must be passed, not_implemented, corrupted or fatal", GetSelfTestResults.Passed),
        };
        return new ChassisDefinition(c.PowerOn ?? true, policy, c.Intrusion ?? false, c.DriveFault ?? false,
            c.CoolingFault ?? false, c.PowerFault ?? false, c.FrontPanelLockout ?? false, lastEvent,
            restart, (uint)errors.Range(c.PowerOnHours, 0, int.MaxValue, 0, "chassis.powerOnHours"), selfTest,
            errors.Range(c.ClockSkewSeconds, -MaxClockSkewSeconds, MaxClockSkewSeconds, 0, "chassis.clockSkewSeconds"));
    }

    private static byte Bad(ProfileErrors errors, string path, string message, byte fallback)
    {
        errors.Add(path, message);
        return fallback;
    }

    private static DcmiDefinition? CompileDcmi(DcmiDocument? d, ProfileErrors errors)
    {
        if (d is null || d.Supported == false)
        {
            return null;
        }

        var idle = errors.Range(d.IdleWatts, 0, 65535, 100, "dcmi.idleWatts");
        var max = errors.Range(d.MaxWatts, 0, 65535, 300, "dcmi.maxWatts");
        if (max < idle)
        {
            errors.Add("dcmi.maxWatts", "must be at least dcmi.idleWatts");
        }

        return new DcmiDefinition(idle, max, errors.Range(d.NoiseWatts, 0, 1000, 0, "dcmi.noiseWatts"));
    }
}
