using static BmcExporter.Tests.Config.ConfigTestHelpers;

namespace BmcExporter.Tests.Config;

public sealed class ConfigValidationTests
{
    private const string F = "/etc/bmc/exporter.yaml";

    [Theory]
    [InlineData("modules:\n  default:\n    privilege: root\n", F + ":3 modules.default.privilege: 'root' is not one of user, operator, admin")]
    [InlineData("listen_adress: \":9290\"\n", F + ":1 listen_adress: unknown key; did you mean 'listen_address'?")]
    [InlineData("modules:\n  default:\n    usr: a\n", F + ":3 modules.default.usr: unknown key; did you mean 'user'?")]
    [InlineData("scrape:\n  interval: 5 minutes\n", F + ":2 scrape.interval: '5 minutes' is not a duration (e.g. 500ms, 30s, 2m, 1h; a plain number means seconds)")]
    [InlineData("scrape:\n  interval: 0s\n", F + ":2 scrape.interval: 0ms is out of range 1s..24h")]
    [InlineData("scrape:\n  max_concurrency: 0\n", F + ":2 scrape.max_concurrency: 0 is out of range 1..100000")]
    [InlineData("scrape:\n  max_concurrency: many\n", F + ":2 scrape.max_concurrency: 'many' is not an integer")]
    [InlineData("scrape:\n  mode: lazy\n", F + ":2 scrape.mode: 'lazy' is not one of background, on_demand")]
    [InlineData("listen_address: localhost\n", F + ":1 listen_address: 'localhost' has no port (expected host:port or :port)")]
    [InlineData("listen_address: \"localhost:99999\"\n", F + ":1 listen_address: 'localhost:99999' does not end in a port 1..65535")]
    [InlineData("sharding:\n  shard: 3\n  shards: 3\n", F + ":2 sharding.shard: shard 3 must be less than shards (3)")]
    [InlineData("sharding:\n  shards: 0\n", F + ":2 sharding.shards: 0 is out of range 1..65536")]
    [InlineData("modules:\n  default:\n    cipher_suites: [17, 4]\n", F + ":3 modules.default.cipher_suites[1]: cipher suite 4 is not one of 0, 1, 2, 3, 15, 16, 17")]
    [InlineData("modules:\n  default:\n    cipher_suites: [17, 17]\n", F + ":3 modules.default.cipher_suites[1]: cipher suite 17 is listed twice")]
    [InlineData("modules:\n  default:\n    cipher_suites: []\n", F + ":3 modules.default.cipher_suites: must list at least one cipher suite")]
    [InlineData("modules:\n  default:\n    cipher_suites: 17\n", F + ":3 modules.default.cipher_suites: must be a list (e.g. [a, b], or one '- item' per line)")]
    [InlineData("modules:\n  default:\n    cipher_suites: [0]\n", F + ":3 modules.default.cipher_suites: cipher suite 0 logs in without authentication or encryption; set allow_cipher_suite_0: true to permit it")]
    [InlineData("modules:\n  default:\n    user: abcdefghijklmnopq\n", F + ":3 modules.default.user: user name is 17 bytes; IPMI allows at most 16")]
    [InlineData("modules:\n  default:\n    retries: 11\n", F + ":3 modules.default.retries: 11 is out of range 0..10")]
    [InlineData("modules:\n  default:\n    timeout: -1s\n", F + ":3 modules.default.timeout: '-1s' is not a duration (e.g. 500ms, 2s; a plain number means milliseconds in a module written for ipmi_exporter)")]
    [InlineData("modules:\n  default:\n    collectors: [ipmi, gpu]\n", F + ":3 modules.default.collectors[1]: 'gpu' is not a collector (known: sensors (or ipmi), sel, sel-events, chassis, bmc, bmc-watchdog, dcmi, fru, sm-lan-mode, security)")]
    [InlineData("modules:\n  default:\n    sensors:\n      include: [\"CPU(\"]\n", F + ":4 modules.default.sensors.include[0]: 'CPU(' is not a valid regular expression: Invalid pattern 'CPU(' at offset 4. Not enough )'s.")]
    [InlineData("modules:\n  default:\n    sensors:\n      exclude_types: [Toaster]\n", F + ":4 modules.default.sensors.exclude_types[0]: 'Toaster' is not a sensor type name or number (e.g. Temperature, Fan, Power_Supply, 0x07, OEM_Reserved)")]
    [InlineData("modules:\n  default:\n    sensors:\n      exclude_record_ids: [70000]\n", F + ":4 modules.default.sensors.exclude_record_ids[0]: 70000 is out of range 0..65535")]
    [InlineData("modules:\n  default:\n    workarounds: [fixeverything]\n", F + ":3 modules.default.workarounds[0]: 'fixeverything' is not a FreeIPMI workaround flag (see docs/configuration.md)")]
    [InlineData("modules:\n  default:\n    workarounds: [discretreading]\n", F + ":3 modules.default.workarounds[0]: 'discretreading' is not a FreeIPMI workaround flag; did you mean 'discretereading'?")]
    [InlineData("modules:\n  default:\n    labels: { 1rack: x }\n", F + ":3 modules.default.labels.1rack: '1rack' is not a valid label name (letters, digits and '_', not starting with a digit)")]
    [InlineData("modules:\n  default:\n    labels: { target: x }\n", F + ":3 modules.default.labels.target: 'target' is set by the exporter itself (reserved: target, module, collector, id, name, type, state, unit, entity, le, quantile)")]
    [InlineData("modules:\n  default:\n    bridge_sensors: maybe\n", F + ":3 modules.default.bridge_sensors: 'maybe' is not true or false")]
    [InlineData("modules:\n  \"\":\n    user: a\n", F + ":2 modules.: a module name must not be empty (/ipmi?module= with no name means 'default')")]
    [InlineData("modules:\n  default:\n    retries: many\n", F + ":3 modules.default.retries: 'many' is not an integer")]
    [InlineData("modules:\n  default:\n    metrics: [thresholds, voltages]\n", F + ":3 modules.default.metrics[1]: 'voltages' is not an optional metric family (known: thresholds, sensor_info, sensor_status)")]
    [InlineData("modules:\n  default:\n    shared_sensor_names: all\n", F + ":3 modules.default.shared_sensor_names: 'all' is not one of expanded, base")]
    [InlineData("modules:\n  default:\n    allowed_targets: [10.0.0.1/8]\n", F + ":3 modules.default.allowed_targets[0]: '10.0.0.1/8' has bits set after the /8 prefix; write 10.0.0.0/8")]
    [InlineData("modules:\n  default:\n    allowed_targets: [\"fd00::1/8\"]\n", F + ":3 modules.default.allowed_targets[0]: 'fd00::1/8' has bits set after the /8 prefix; write fd00::/8")]
    [InlineData("modules:\n  default:\n    allowed_targets: [10.0.0.0/33]\n", F + ":3 modules.default.allowed_targets[0]: '10.0.0.0/33' is not a CIDR range (e.g. 10.0.0.0/8 or fd00::/8)")]
    [InlineData("modules:\n  default:\n    allowed_targets: [\"bmc one\"]\n", F + ":3 modules.default.allowed_targets[0]: 'bmc one' is not a host name, address or CIDR range")]
    [InlineData("modules:\n  default:\n    serve_from_cache: sometimes\n", F + ":3 modules.default.serve_from_cache: 'sometimes' is not true or false")]
    [InlineData("scrape:\n  on_demand_max_targets: 0\n", F + ":2 scrape.on_demand_max_targets: 0 is out of range 1..1000000")]
    [InlineData("scrape:\n  on_demand_max_concurrency: 20000\n", F + ":2 scrape.on_demand_max_concurrency: 20000 is out of range 1..10000")]
    [InlineData("scrape:\n  interval: 1m\n  interval: 2m\n", F + ":3 scrape.interval: is given twice (first at line 2)")]
    [InlineData("scrape:\n  [a]: 1\n", F + ":2 scrape: keys must be plain text, not lists or mappings")]
    [InlineData("sharding:\n  shard: first\n", F + ":2 sharding.shard: 'first' is not a number 0..65535 or 'auto'")]
    [InlineData("targets:\n  - host: \"10.0.0.1:623\"\n    module: missing\n", F + ":3 targets[0].module: module 'missing' is not defined (modules: default)")]
    [InlineData("targets:\n  - host: \"10.0.0.1:0\"\n", F + ":2 targets[0].host: port '0' is not a number in 1..65535")]
    [InlineData("targets:\n  - host: \"bad host!\"\n", F + ":2 targets[0].host: 'bad host!' is not a valid host[:port]")]
    [InlineData("targets:\n  - module: default\n", F + ":2 targets[0].host: is required")]
    [InlineData("targets:\n  - 10.0.0.1\n  - 10.0.0.1:623\n", F + ":3 targets[1]: target 10.0.0.1:623 is listed twice")]
    [InlineData("otlp:\n  endpoint: collector:4317\n", F + ":2 otlp.endpoint: 'collector:4317' is not an absolute http:// or https:// URL")]
    [InlineData("otlp:\n  protocol: thrift\n", F + ":2 otlp.protocol: 'thrift' is not one of grpc, http/protobuf")]
    [InlineData("scrape: [1, 2]\n", F + ":1 scrape: must be a mapping (key: value pairs)")]
    [InlineData("- a\n- b\n", F + ":1: the top level must be a mapping of keys")]
    [InlineData("modules:\n  default:\n    user: [a]\n", F + ":3 modules.default.user: must be a single value, not a list or mapping")]
    [InlineData("modules:\n  default:\n    sel_events:\n      - name: x\n", F + ":4 modules.default.sel_events[0]: each SEL event needs both name and regex")]
    public void LoadFromText_InvalidValue_ReportsFileLineKeyAndReason(string yaml, string expected)
    {
        Assert.Equal(expected, SingleError(yaml));
    }

    [Fact]
    public void LoadFromText_BrokenYaml_ReportsLine()
    {
        var error = SingleError("scrape:\n  interval: 1m\n    timeout: [\n");

        Assert.StartsWith(F + ":3", error, StringComparison.Ordinal);
        Assert.Contains("invalid YAML", error, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFromText_SeveralErrors_AreAllReportedInFileOrder()
    {
        var result = Load("scrape:\n  interval: x\n  timeout: y\nmodules:\n  default:\n    privilege: god\n");

        Assert.Equal(
            [
                F + ":2 scrape.interval: 'x' is not a duration (e.g. 500ms, 30s, 2m, 1h; a plain number means seconds)",
                F + ":3 scrape.timeout: 'y' is not a duration (e.g. 500ms, 30s, 2m, 1h; a plain number means seconds)",
                F + ":6 modules.default.privilege: 'god' is not one of user, operator, admin",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void LoadFromText_CipherSuite0Allowed_IsAccepted()
    {
        var config = LoadOk("modules:\n  default:\n    cipher_suites: [17, 0]\n    allow_cipher_suite_0: true\n");

        Assert.Equal([17, 0], config.Modules["default"].CipherSuites);
    }

    [Fact]
    public void LoadFromText_TimeoutLongerThanInterval_Warns()
    {
        var result = Load("scrape:\n  interval: 10s\n  timeout: 20s\n");

        Assert.True(result.Success);
        Assert.Equal("/etc/bmc/exporter.yaml:3 scrape.timeout: timeout 20s is longer than interval 10s; a slow target will be scraped back to back", Assert.Single(result.Warnings).ToString());
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("45", 45_000)]
    public void Durations_TryParse_GoStyleAndPlainSeconds(string text, int expectedMs)
    {
        Assert.True(BmcExporter.Config.Durations.TryParse(text, TimeSpan.FromSeconds(1), out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1s")]
    [InlineData("1d")]
    [InlineData("s")]
    [InlineData("1s2")]
    public void Durations_TryParse_Invalid_Fails(string text)
    {
        Assert.False(BmcExporter.Config.Durations.TryParse(text, TimeSpan.FromSeconds(1), out _));
    }
}
