namespace BmcExporter.Output.Prometheus;

/// <summary>
/// Every metric family the exporter emits: name, help text and label names, in one place. The <c>ipmi_*</c>
/// families marked "ipmi_exporter" carry the exact names, labels and help of prometheus-community
/// ipmi_exporter 1.6.1 so existing dashboards and alerts keep working. Documented in <c>docs/metrics.md</c>.
/// </summary>
public static class MetricNames
{
    /// <summary>A metric family: name, help, and its own label names (before target/extra labels).</summary>
    public sealed record Family(string Name, string Help, params string[] Labels);

    // ipmi_exporter: scrape health.
    public static readonly Family Up = new("ipmi_up", "'1' if a scrape of the IPMI device was successful, '0' otherwise.", "collector");
    public static readonly Family ScrapeDuration = new("ipmi_scrape_duration_seconds", "Returns how long the scrape took to complete in seconds.");

    // ipmi_exporter: sensors (collector "ipmi"), chosen by unit exactly as ipmi_exporter does.
    public static readonly Family Temperature = new("ipmi_temperature_celsius", "Temperature reading in degree Celsius.", "id", "name");
    public static readonly Family TemperatureState = new("ipmi_temperature_state", "Reported state of a temperature sensor (0=nominal, 1=warning, 2=critical).", "id", "name");
    public static readonly Family FanSpeedRpm = new("ipmi_fan_speed_rpm", "Fan speed in rotations per minute.", "id", "name");
    public static readonly Family FanSpeedRatio = new("ipmi_fan_speed_ratio", "Fan speed as a proportion of the maximum speed.", "id", "name");
    public static readonly Family FanSpeedState = new("ipmi_fan_speed_state", "Reported state of a fan speed sensor (0=nominal, 1=warning, 2=critical).", "id", "name");
    public static readonly Family Voltage = new("ipmi_voltage_volts", "Voltage reading in Volts.", "id", "name");
    public static readonly Family VoltageState = new("ipmi_voltage_state", "Reported state of a voltage sensor (0=nominal, 1=warning, 2=critical).", "id", "name");
    public static readonly Family Current = new("ipmi_current_amperes", "Current reading in Amperes.", "id", "name");
    public static readonly Family CurrentState = new("ipmi_current_state", "Reported state of a current sensor (0=nominal, 1=warning, 2=critical).", "id", "name");
    public static readonly Family Power = new("ipmi_power_watts", "Power reading in Watts.", "id", "name");
    public static readonly Family PowerState = new("ipmi_power_state", "Reported state of a power sensor (0=nominal, 1=warning, 2=critical).", "id", "name");
    public static readonly Family SensorValue = new("ipmi_sensor_value", "Generic data read from an IPMI sensor of unknown type, relying on labels for context.", "id", "name", "type");
    public static readonly Family SensorState = new("ipmi_sensor_state", "Indicates the severity of the state reported by an IPMI sensor (0=nominal, 1=warning, 2=critical).", "id", "name", "type");

    // ipmi_exporter: bmc, chassis, dcmi, sel.
    public static readonly Family BmcInfo = new("ipmi_bmc_info", "Constant metric with value '1' providing details about the BMC.", "firmware_revision", "manufacturer_id", "system_firmware_version");
    public static readonly Family ChassisPowerState = new("ipmi_chassis_power_state", "Current power state (1=on, 0=off).");
    public static readonly Family ChassisDriveFault = new("ipmi_chassis_drive_fault_state", "Current drive fault state (1=false, 0=true).");
    public static readonly Family ChassisCoolingFault = new("ipmi_chassis_cooling_fault_state", "Current Cooling/fan fault state (1=false, 0=true).");
    public static readonly Family DcmiPowerConsumption = new("ipmi_dcmi_power_consumption_watts", "Current power consumption in Watts.");
    public static readonly Family SelLogsCount = new("ipmi_sel_logs_count", "Current number of log entries in the SEL.");
    public static readonly Family SelFreeSpace = new("ipmi_sel_free_space_bytes", "Current free space remaining for new SEL entries.");

    // bmc-exporter additions on hardware data.
    public static readonly Family SensorInfo = new("ipmi_sensor_info", "Constant '1' describing a sensor: type, entity, unit and reading type.", "id", "name", "type", "entity", "entity_instance", "unit", "reading_type");
    public static readonly Family SensorThreshold = new("ipmi_sensor_threshold", "Threshold of a threshold-based sensor, in the sensor's unit.", "id", "name", "type", "threshold");
    public static readonly Family SensorStatus = new("ipmi_sensor_status", "Severity of every sensor's state (0=ok, 1=warning, 2=critical, 3=non-recoverable); NaN when unavailable.", "id", "name", "type");
    public static readonly Family SensorStateAsserted = new("ipmi_sensor_state_asserted", "'1' for each state a discrete sensor currently asserts.", "id", "name", "type", "offset", "state");
    public static readonly Family SelEventsTotal = new("ipmi_sel_events_total", "SEL entries seen since the exporter started (or its state was reset), by sensor type and severity.", "sensor_type", "severity");
    public static readonly Family SelLastEventTimestamp = new("ipmi_sel_last_event_timestamp_seconds", "BMC timestamp of the newest SEL entry seen.");
    public static readonly Family SelOverflow = new("ipmi_sel_overflow", "'1' when the SEL reports an overflow (events were dropped because it was full).");
    public static readonly Family FruInfo = new("ipmi_fru_info", "Constant '1' with the board and product identity of a FRU.", "fru_id", "fru_name", "board_manufacturer", "board_product", "board_serial", "board_part_number", "product_manufacturer", "product_name", "product_part_number", "product_version", "product_serial", "asset_tag");
    public static readonly Family DcmiPowerMinimum = new("ipmi_dcmi_power_minimum_watts", "Minimum power consumption over the DCMI sampling period in Watts.");
    public static readonly Family DcmiPowerMaximum = new("ipmi_dcmi_power_maximum_watts", "Maximum power consumption over the DCMI sampling period in Watts.");
    public static readonly Family DcmiPowerAverage = new("ipmi_dcmi_power_average_watts", "Average power consumption over the DCMI sampling period in Watts.");
    public static readonly Family DcmiPowerPeriod = new("ipmi_dcmi_power_sampling_period_seconds", "Length of the DCMI power statistics sampling period in seconds.");
    public static readonly Family ChassisPowerFault = new("ipmi_chassis_power_fault_state", "Current power fault state (1=false, 0=true), same polarity as ipmi_chassis_drive_fault_state.");
    public static readonly Family ChassisIntrusion = new("ipmi_chassis_intrusion_state", "Chassis intrusion (1=active, 0=inactive).");

    // bmc-exporter self-health (/metrics only; the target label comes from the fleet prefix).
    public static readonly Family TargetScrapeDuration = new("bmc_exporter_target_scrape_duration_seconds", "Duration of the target's last scrape in seconds.");
    public static readonly Family TargetLastSuccess = new("bmc_exporter_target_last_success_timestamp_seconds", "Unix time of the target's last scrape that returned data.");
    public static readonly Family TargetScrapeOutcome = new("bmc_exporter_target_scrape_outcome", "'1' for the outcome of the target's last scrape (success, partial, failed, circuit_open, timeout).", "outcome");
    public static readonly Family ScrapesTotal = new("bmc_exporter_scrapes_total", "Scrapes by target and outcome.", "outcome");
    public static readonly Family CommandsTotal = new("bmc_exporter_ipmi_commands_total", "IPMI commands sent to the target.");
    public static readonly Family CommandErrorsTotal = new("bmc_exporter_ipmi_command_errors_total", "IPMI commands to the target that failed (completion code or transport error).");
    public static readonly Family RetriesTotal = new("bmc_exporter_collector_retries_total", "Collector runs retried after a transient error.");
    public static readonly Family SessionsOpenedTotal = new("bmc_exporter_sessions_opened_total", "RMCP+ sessions opened to the target.");
    public static readonly Family SessionsLostTotal = new("bmc_exporter_sessions_lost_total", "RMCP+ sessions to the target found lost and dropped.");
    public static readonly Family SdrCacheHitsTotal = new("bmc_exporter_sdr_cache_hits_total", "Scrapes that used the cached SDR repository.");
    public static readonly Family SdrCacheMissesTotal = new("bmc_exporter_sdr_cache_misses_total", "Scrapes that had to read the SDR repository.");
    public static readonly Family AuthFailuresTotal = new("bmc_exporter_authentication_failures_total", "Session establishments refused for credentials, privilege or cipher suite.");
    public static readonly Family CircuitState = new("bmc_exporter_circuit_state", "Target circuit breaker state (0=closed, 1=open, 2=half-open, 3=isolated).");
    public static readonly Family Targets = new("bmc_exporter_targets", "Targets this replica scrapes in background mode.");
    public static readonly Family ScrapesInFlight = new("bmc_exporter_scrapes_in_flight", "Targets being scraped right now.");
    public static readonly Family MaxConcurrency = new("bmc_exporter_max_concurrency", "Configured bound on targets scraped at once.");
    public static readonly Family ConfigReloadSuccess = new("bmc_exporter_config_last_reload_successful", "'1' if the last configuration reload succeeded.");
    public static readonly Family ConfigReloadTimestamp = new("bmc_exporter_config_last_reload_success_timestamp_seconds", "Unix time of the last successful configuration load.");
}
