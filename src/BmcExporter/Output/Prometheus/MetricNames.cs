using BmcExporter.Config;
using BmcExporter.Snapshots;

namespace BmcExporter.Output.Prometheus;

/// <summary>Prometheus metric type of a family.</summary>
public enum MetricType
{
    /// <summary><c>gauge</c>.</summary>
    Gauge,

    /// <summary><c>counter</c>: the family name ends in <c>_total</c>, its OpenMetrics name does not.</summary>
    Counter,
}

/// <summary>Where a family appears.</summary>
public enum FamilyScope
{
    /// <summary>Hardware data: on <c>/ipmi</c> and, with a <c>target</c> label, on the fleet <c>/metrics</c>.</summary>
    Target,

    /// <summary>The exporter's own figures per target: only on the fleet <c>/metrics</c>.</summary>
    Fleet,
}

/// <summary>A metric family: name, help, type, its own label names (after the target and user labels).</summary>
public sealed class Family
{
    internal Family(string name, string help, MetricType type, FamilyScope scope, OptionalMetrics requires, string[] labels)
    {
        Name = name;
        Help = help;
        Type = type;
        Scope = scope;
        Requires = requires;
        Labels = labels;
    }

    /// <summary>The series name (counters end in <c>_total</c>).</summary>
    public string Name { get; }

    /// <summary>HELP text.</summary>
    public string Help { get; }

    /// <summary>Metric type.</summary>
    public MetricType Type { get; }

    /// <summary>Where the family appears.</summary>
    public FamilyScope Scope { get; }

    /// <summary>The <c>metrics:</c> entry that enables the family; <see cref="OptionalMetrics.None"/> when on by default.</summary>
    public OptionalMetrics Requires { get; }

    /// <summary>The family's own label names.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Position in <see cref="MetricNames.All"/>: the order of families in every exposition.</summary>
    public int Index { get; internal set; }

    /// <summary>The family name in OpenMetrics' TYPE and HELP lines (a counter's without <c>_total</c>).</summary>
    public string OpenMetricsName => Type == MetricType.Counter ? Name[..^"_total".Length] : Name;
}

/// <summary>
/// Every metric family rendered per target, in exposition order: name, help text, type and label names in one
/// place. The <c>ipmi_*</c> families marked "ipmi_exporter" carry the exact names, labels and help of
/// prometheus-community ipmi_exporter 1.6.1 so existing dashboards and alerts keep working. Process-wide families
/// (<c>bmc_exporter_targets</c>, <c>process_*</c>...) live in <see cref="SelfMetrics"/>. Documented in
/// <c>docs/metrics.md</c>.
/// </summary>
public static class MetricNames
{
    // ipmi_exporter: scrape health.
    public static readonly Family Up = G("ipmi_up", "'1' if a scrape of the IPMI device was successful, '0' otherwise.", "collector");
    public static readonly Family ScrapeDuration = G("ipmi_scrape_duration_seconds", "Returns how long the scrape took to complete in seconds.");

    // ipmi_exporter: sensors (collector "ipmi"), the family chosen by the reading's kind.
    public static readonly Family Temperature = G("ipmi_temperature_celsius", "Temperature reading in degree Celsius.", "id", "name");
    public static readonly Family TemperatureState = G("ipmi_temperature_state", "Reported state of a temperature sensor (0=nominal, 1=warning, 2=critical).", "id", "name");
    public static readonly Family FanSpeedRpm = G("ipmi_fan_speed_rpm", "Fan speed in rotations per minute.", "id", "name");
    public static readonly Family FanSpeedRatio = G("ipmi_fan_speed_ratio", "Fan speed as a proportion of the maximum speed.", "id", "name");
    public static readonly Family FanSpeedState = G("ipmi_fan_speed_state", "Reported state of a fan speed sensor (0=nominal, 1=warning, 2=critical).", "id", "name");
    public static readonly Family Voltage = G("ipmi_voltage_volts", "Voltage reading in Volts.", "id", "name");
    public static readonly Family VoltageState = G("ipmi_voltage_state", "Reported state of a voltage sensor (0=nominal, 1=warning, 2=critical).", "id", "name");
    public static readonly Family Current = G("ipmi_current_amperes", "Current reading in Amperes.", "id", "name");
    public static readonly Family CurrentState = G("ipmi_current_state", "Reported state of a current sensor (0=nominal, 1=warning, 2=critical).", "id", "name");
    public static readonly Family Power = G("ipmi_power_watts", "Power reading in Watts.", "id", "name");
    public static readonly Family PowerState = G("ipmi_power_state", "Reported state of a power sensor (0=nominal, 1=warning, 2=critical).", "id", "name");
    public static readonly Family SensorValue = G("ipmi_sensor_value", "Generic data read from an IPMI sensor of unknown type, relying on labels for context.", "id", "name", "type");
    public static readonly Family SensorState = G("ipmi_sensor_state", "Indicates the severity of the state reported by an IPMI sensor (0=nominal, 1=warning, 2=critical).", "id", "name", "type");

    // ipmi_exporter: bmc, chassis, dcmi, sel.
    public static readonly Family BmcInfo = G("ipmi_bmc_info", "Constant metric with value '1' providing details about the BMC.", "firmware_revision", "manufacturer_id", "system_firmware_version");
    public static readonly Family ChassisPowerState = G("ipmi_chassis_power_state", "Current power state (1=on, 0=off).");
    public static readonly Family ChassisDriveFault = G("ipmi_chassis_drive_fault_state", "Current drive fault state (1=false, 0=true).");
    public static readonly Family ChassisCoolingFault = G("ipmi_chassis_cooling_fault_state", "Current Cooling/fan fault state (1=false, 0=true).");
    public static readonly Family DcmiPowerConsumption = G("ipmi_dcmi_power_consumption_watts", "Current power consumption in Watts.");
    public static readonly Family SelLogsCount = G("ipmi_sel_logs_count", "Current number of log entries in the SEL.");
    public static readonly Family SelFreeSpace = G("ipmi_sel_free_space_bytes", "Current free space remaining for new SEL entries.");

    // bmc-exporter additions on hardware data; the first three only with `metrics: [...]`.
    public static readonly Family SensorInfo = Optional(OptionalMetrics.SensorInfo, "ipmi_sensor_info", "Constant '1' describing a sensor: type, entity, unit and reading type.", "id", "name", "type", "entity", "entity_instance", "unit", "reading_type");
    public static readonly Family SensorThreshold = Optional(OptionalMetrics.Thresholds, "ipmi_sensor_threshold", "Threshold of a threshold-based sensor, in the sensor's unit.", "id", "name", "type", "threshold");
    public static readonly Family SensorStatus = Optional(OptionalMetrics.SensorStatus, "ipmi_sensor_status", "Severity of every sensor's state (0=ok, 1=warning, 2=critical, 3=non-recoverable); NaN when unavailable.", "id", "name", "type");
    public static readonly Family SensorStateAsserted = G("ipmi_sensor_state_asserted", "'1' for each state a discrete sensor currently asserts.", "id", "name", "type", "offset", "state");
    public static readonly Family ChassisPowerFault = G("ipmi_chassis_power_fault_state", "Current power fault state (1=false, 0=true), same polarity as ipmi_chassis_drive_fault_state.");
    public static readonly Family ChassisIntrusion = G("ipmi_chassis_intrusion_state", "Chassis intrusion (1=active, 0=inactive).");
    public static readonly Family DcmiPowerMinimum = G("ipmi_dcmi_power_minimum_watts", "Minimum power consumption over the DCMI sampling period in Watts.");
    public static readonly Family DcmiPowerMaximum = G("ipmi_dcmi_power_maximum_watts", "Maximum power consumption over the DCMI sampling period in Watts.");
    public static readonly Family DcmiPowerAverage = G("ipmi_dcmi_power_average_watts", "Average power consumption over the DCMI sampling period in Watts.");
    public static readonly Family DcmiPowerPeriod = G("ipmi_dcmi_power_sampling_period_seconds", "Length of the DCMI power statistics sampling period in seconds.");
    public static readonly Family FirmwareInfo = G("ipmi_firmware_info", "Constant '1' per firmware component with its version (Redfish FirmwareInventory).", "id", "name", "version");
    public static readonly Family FruInfo = G("ipmi_fru_info", "Constant '1' with the board and product identity of a FRU.", "fru_id", "fru_name", "board_manufacturer", "board_product", "board_serial", "board_part_number", "product_manufacturer", "product_name", "product_part_number", "product_version", "product_serial", "asset_tag");
    public static readonly Family SelOverflow = G("ipmi_sel_overflow", "'1' when the SEL reports an overflow (events were dropped because it was full).");
    public static readonly Family SelEventsTotal = C("ipmi_sel_events_total", "SEL entries seen since the exporter started (or its state was reset), by sensor type and severity.", FamilyScope.Target, "sensor_type", "severity");
    public static readonly Family SelLastEventTimestamp = G("ipmi_sel_last_event_timestamp_seconds", "BMC timestamp of the newest SEL entry seen.");

    // sel collector: the audit trail (Session Audit 0x2A, Platform Security Violation 0x06, IPMI v2.0 table 42-3).
    public static readonly Family SelSessionAuditTotal = C("ipmi_sel_session_audit_total", "Session Audit SEL entries seen (logins, logouts, failed logins), by event.", FamilyScope.Target, "event");
    public static readonly Family SelSecurityViolationTotal = C("ipmi_sel_security_violation_total", "Platform Security Violation SEL entries seen, by event.", FamilyScope.Target, "event");

    // Lifecycle (docs/metrics.md "Lifecycle"): chassis and bmc collectors' optional reads, and boots seen in the SEL.
    public static readonly Family ChassisLastPowerEvent = G("ipmi_chassis_last_power_event", "'1' for each cause of the last power event the BMC reports (Get Chassis Status byte 3); cause=\"none\" when it reports none.", "cause");
    public static readonly Family SystemRestartCause = G("ipmi_system_restart_cause", "Cause of the last system restart as its IPMI code (Get System Restart Cause, 0=unknown ... 11=rtc_wakeup), named in the cause label.", "cause");
    public static readonly Family SystemRestartsTotal = C("ipmi_system_restarts_total", "System Boot / Restart Initiated SEL entries (sensor type 0x1D) seen; 0 from the first SEL read of the target.", FamilyScope.Target);
    public static readonly Family BmcPowerOnHours = G("ipmi_bmc_power_on_hours", "System power-on time in hours (Get POH Counter: counts x minutes per count / 60).");
    public static readonly Family BmcSelfTestPassed = G("ipmi_bmc_self_test_passed", "'1' when the BMC self test passed or is not implemented, '0' when it reports a failure (Get Self Test Results).", "result", "detail");
    public static readonly Family BmcClockOffset = G("ipmi_bmc_clock_offset_seconds", "BMC SEL clock minus the exporter's clock when Get SEL Time answered, in seconds (positive: BMC ahead).");

    // security collector (docs/security.md): posture of the IPMI port; 1 = the weakness is present.
    public static readonly Family SecurityCipherSuiteSupported = G("ipmi_security_cipher_suite_supported", "'1' for each cipher suite the LAN channel lists (Get Channel Cipher Suites).", "suite");
    public static readonly Family SecurityCipherSuiteZeroAccepted = G("ipmi_security_cipher_suite_zero_accepted", "'1' when the BMC completes an RMCP+ session setup with cipher suite 0 (no authentication) for the configured user.");
    public static readonly Family SecurityAnonymousLogin = G("ipmi_security_anonymous_login_enabled", "'1' when the channel reports anonymous login (null user, null password) enabled.");
    public static readonly Family SecurityNullUser = G("ipmi_security_null_user_enabled", "'1' when the channel reports null user names (with a password) enabled.");
    public static readonly Family SecurityIpmi15AuthType = G("ipmi_security_ipmi15_auth_type_enabled", "'1' when the channel accepts this IPMI 1.5 authentication type at some privilege level.", "type");
    public static readonly Family SecurityPerMessageAuthDisabled = G("ipmi_security_per_message_auth_disabled", "'1' when IPMI 1.5 per-message authentication is disabled on the channel.");
    public static readonly Family SecurityUserLevelAuthDisabled = G("ipmi_security_user_level_auth_disabled", "'1' when IPMI 1.5 user-level authentication is disabled on the channel.");
    public static readonly Family SecurityDefaultPasswordExposed = G("ipmi_security_default_password_exposed", "'1' when a vendor-default password of this user matches the BMC's RAKP 2 answer (opt-in check).", "user");
    public static readonly Family SecuritySessionPrivilege = G("ipmi_security_session_privilege", "Constant '1' with the privilege the exporter asks for and the one its session operates at.", "requested", "granted");
    public static readonly Family SecurityLastCheck = G("ipmi_security_last_check_timestamp_seconds", "Unix time the security posture was last read (it is reused until security.interval passes).");

    // bmc-exporter's judgement of ipmi_up: on /ipmi too, so alert rules can tell unsupported from failing there.
    public static readonly Family CollectorSupported = G("bmc_exporter_collector_supported", "'0' when the BMC answered that it does not support what the collector reads (invalid command, no FRU data, privilege refused for an optional feature), '1' otherwise.", "collector");

    // bmc-exporter self-health per target (fleet /metrics only; the target label comes from the prefix).
    public static readonly Family TargetScrapeDuration = F("bmc_exporter_target_scrape_duration_seconds", "Duration of the target's last scrape in seconds.");
    public static readonly Family TargetLastSuccess = F("bmc_exporter_target_last_success_timestamp_seconds", "Unix time of the target's last scrape that returned data.");
    public static readonly Family TargetScrapeOutcome = F("bmc_exporter_target_scrape_outcome", "'1' for the outcome of the target's last scrape (success, partial, failed, circuit_open, timeout).", "outcome");
    public static readonly Family CircuitState = F("bmc_exporter_circuit_state", "Target circuit breaker state (0=closed, 1=open, 2=half-open, 3=isolated).");
    public static readonly Family TargetSeries = F("bmc_exporter_target_series", "Series this target contributes to the fleet /metrics (this family's own series included).");
    public static readonly Family ScrapesTotal = C("bmc_exporter_scrapes_total", "Scrapes by target and outcome.", FamilyScope.Fleet, "outcome");
    public static readonly Family CommandsTotal = C("bmc_exporter_ipmi_commands_total", "IPMI commands sent to the target.", FamilyScope.Fleet);
    public static readonly Family CommandErrorsTotal = C("bmc_exporter_ipmi_command_errors_total", "IPMI commands to the target that failed (completion code or transport error).", FamilyScope.Fleet);
    public static readonly Family RetriesTotal = C("bmc_exporter_collector_retries_total", "Collector runs retried after a transient error.", FamilyScope.Fleet);
    public static readonly Family SessionsOpenedTotal = C("bmc_exporter_sessions_opened_total", "RMCP+ sessions opened to the target.", FamilyScope.Fleet);
    public static readonly Family SessionsLostTotal = C("bmc_exporter_sessions_lost_total", "RMCP+ sessions to the target found lost and dropped.", FamilyScope.Fleet);
    public static readonly Family SdrCacheHitsTotal = C("bmc_exporter_sdr_cache_hits_total", "Scrapes that used the cached SDR repository.", FamilyScope.Fleet);
    public static readonly Family SdrCacheMissesTotal = C("bmc_exporter_sdr_cache_misses_total", "Scrapes that had to read the SDR repository.", FamilyScope.Fleet);
    public static readonly Family SdrRecordsRead = F("bmc_exporter_sdr_records_read", "SDR records read and kept so far (the walk resumes across scrapes until complete).");
    public static readonly Family SdrRepositoryRecords = F("bmc_exporter_sdr_repository_records", "SDR record count the BMC reports in Get SDR Repository Info.");
    public static readonly Family SdrWalkComplete = F("bmc_exporter_sdr_walk_complete", "'1' when the SDR walk reached the last record with nothing left to retry, '0' while it is in progress.");
    public static readonly Family RetransmissionsTotal = C("bmc_exporter_ipmi_retransmissions_total", "IPMI requests to the target sent again because no answer came within the (adaptive) retransmission timeout.", FamilyScope.Fleet);
    public static readonly Family RequestTimeoutsTotal = C("bmc_exporter_ipmi_request_timeouts_total", "IPMI requests to the target that got no answer after every retransmission.", FamilyScope.Fleet);
    public static readonly Family RoundTrip = F("bmc_exporter_ipmi_round_trip_seconds", "Smoothed round-trip time of the target's current session.");
    public static readonly Family AuthFailuresTotal = C("bmc_exporter_authentication_failures_total", "Session establishments refused for credentials, privilege or cipher suite.", FamilyScope.Fleet);
    public static readonly Family RedfishGetsTotal = C("bmc_exporter_redfish_gets_total", "HTTP GETs sent to the target's Redfish service (304 Not Modified included); only for targets read over Redfish.", FamilyScope.Fleet);

    // ipmi_exporter (upstream, after 1.6.1): bmc-watchdog, sel-events; 1.6.1: sm-lan-mode. Names, labels and help as upstream.
    public static readonly Family BmcWatchdogTimerState = G("ipmi_bmc_watchdog_timer_state", "Watchdog timer running (1: running, 0: stopped)");
    public static readonly Family BmcWatchdogTimerUse = G("ipmi_bmc_watchdog_timer_use_state", "Watchdog timer use (1: active, 0: inactive)", "name");
    public static readonly Family BmcWatchdogLogging = G("ipmi_bmc_watchdog_logging_state", "Watchdog log flag (1: Enabled, 0: Disabled / note: reverse of freeipmi)");
    public static readonly Family BmcWatchdogTimeoutAction = G("ipmi_bmc_watchdog_timeout_action_state", "Watchdog timeout action (1: active, 0: inactive)", "action");
    public static readonly Family BmcWatchdogPretimeoutInterrupt = G("ipmi_bmc_watchdog_pretimeout_interrupt_state", "Watchdog pre-timeout interrupt (1: active, 0: inactive)", "interrupt");
    public static readonly Family BmcWatchdogPretimeoutInterval = G("ipmi_bmc_watchdog_pretimeout_interval_seconds", "Watchdog pre-timeout interval in seconds");
    public static readonly Family BmcWatchdogInitialCountdown = G("ipmi_bmc_watchdog_initial_countdown_seconds", "Watchdog initial countdown in seconds");

    // Upstream's help text for the current countdown repeats the initial one's; kept for exact drop-in.
    public static readonly Family BmcWatchdogCurrentCountdown = G("ipmi_bmc_watchdog_current_countdown_seconds", "Watchdog initial countdown in seconds");
    public static readonly Family SelEventsCountByState = G("ipmi_sel_events_count_by_state", "Current number of log entries in the SEL by state.", "state");
    public static readonly Family SelEventsCountByName = G("ipmi_sel_events_count_by_name", "Current number of custom log entries in the SEL by name.", "name");
    public static readonly Family SelEventsLatestTimestamp = G("ipmi_sel_events_latest_timestamp", "Latest timestamp of custom log entries in the SEL by name.", "name");
    public static readonly Family ConfigLanMode = G("ipmi_config_lan_mode", "Returns configured LAN mode (0=dedicated, 1=shared, 2=failover).");

    /// <summary>Every per-target family in exposition order.</summary>
    public static IReadOnlyList<Family> All { get; } = Register(
        Up, ScrapeDuration,
        Temperature, TemperatureState, FanSpeedRpm, FanSpeedRatio, FanSpeedState, Voltage, VoltageState,
        Current, CurrentState, Power, PowerState, SensorValue, SensorState,
        BmcInfo, ChassisPowerState, ChassisDriveFault, ChassisCoolingFault, DcmiPowerConsumption, SelLogsCount, SelFreeSpace,
        SensorInfo, SensorThreshold, SensorStatus, SensorStateAsserted, ChassisPowerFault, ChassisIntrusion,
        DcmiPowerMinimum, DcmiPowerMaximum, DcmiPowerAverage, DcmiPowerPeriod, FirmwareInfo, FruInfo, SelOverflow, SelEventsTotal, SelLastEventTimestamp,
        SelSessionAuditTotal, SelSecurityViolationTotal,
        ChassisLastPowerEvent, SystemRestartCause, SystemRestartsTotal, BmcPowerOnHours, BmcSelfTestPassed, BmcClockOffset,
        CollectorSupported,
        SecurityCipherSuiteSupported, SecurityCipherSuiteZeroAccepted, SecurityAnonymousLogin, SecurityNullUser, SecurityIpmi15AuthType,
        SecurityPerMessageAuthDisabled, SecurityUserLevelAuthDisabled, SecurityDefaultPasswordExposed, SecuritySessionPrivilege, SecurityLastCheck,
        TargetScrapeDuration, TargetLastSuccess, TargetScrapeOutcome, CircuitState, TargetSeries,
        ScrapesTotal, CommandsTotal, CommandErrorsTotal, RetriesTotal, SessionsOpenedTotal, SessionsLostTotal,
        SdrCacheHitsTotal, SdrCacheMissesTotal, SdrRecordsRead, SdrRepositoryRecords, SdrWalkComplete, AuthFailuresTotal, RetransmissionsTotal, RequestTimeoutsTotal, RoundTrip,
        BmcWatchdogTimerState, BmcWatchdogTimerUse, BmcWatchdogLogging, BmcWatchdogTimeoutAction, BmcWatchdogPretimeoutInterrupt,
        BmcWatchdogPretimeoutInterval, BmcWatchdogInitialCountdown, BmcWatchdogCurrentCountdown,
        SelEventsCountByState, SelEventsCountByName, SelEventsLatestTimestamp, ConfigLanMode,
        RedfishGetsTotal);

    private static Family G(string name, string help, params string[] labels) =>
        new(name, help, MetricType.Gauge, FamilyScope.Target, OptionalMetrics.None, labels);

    private static Family Optional(OptionalMetrics requires, string name, string help, params string[] labels) =>
        new(name, help, MetricType.Gauge, FamilyScope.Target, requires, labels);

    private static Family F(string name, string help, params string[] labels) =>
        new(name, help, MetricType.Gauge, FamilyScope.Fleet, OptionalMetrics.None, labels);

    private static Family C(string name, string help, FamilyScope scope, params string[] labels) =>
        new(name, help, MetricType.Counter, scope, OptionalMetrics.None, labels);

    private static Family[] Register(params Family[] families)
    {
        for (var i = 0; i < families.Length; i++)
        {
            families[i].Index = i;
        }

        return families;
    }
}
