using System.Globalization;
using System.Text;

namespace BmcExporter.Tests.EndToEnd;

/// <summary>
/// A small simulator profile (docs/simulator.md) whose readings are constant (no noise, no per-BMC spread, a flat
/// load), so a fleet of them differs only in what a test plants, and peer/anomaly scores stay quiet on healthy
/// BMCs. The defaults describe a healthy server; each property plants one fault.
/// </summary>
internal sealed record FaultProfile
{
    /// <summary>Cipher suites the BMC offers; add 0 for the suite-0 weakness.</summary>
    public string CipherSuites { get; init; } = "17, 3, 2, 1";

    /// <summary>The <c>security:</c> block's content (anonymous login, IPMI 1.5 types).</summary>
    public string Security { get; init; } = "anonymousLogin: false, ipmi15AuthTypes: []";

    /// <summary>Extra BMC accounts (a vendor-default one for the default-password check).</summary>
    public string Users { get; init; } = "[]";

    /// <summary>Chassis Status flags (IPMI v2.0 §28.2): intrusion, drive fault, cooling fault.</summary>
    public bool ChassisIntrusion { get; init; }

    /// <summary>Get Chassis Status "drive fault".</summary>
    public bool ChassisDriveFault { get; init; }

    /// <summary>Get Chassis Status "cooling/fan fault".</summary>
    public bool ChassisCoolingFault { get; init; }

    /// <summary>Inlet temperature in °C (thresholds UNC 38, UCR 42, UNR 47).</summary>
    public double InletCelsius { get; init; } = 24;

    /// <summary>FAN2 speed in RPM (thresholds LNR 300, LCR 600, LNC 900).</summary>
    public double Fan2Rpm { get; init; } = 8000;

    /// <summary>Asserted offsets of PSU2 (Power Supply, §42.2 Table 42-3: 0 presence, 1 failure).</summary>
    public string Psu2States { get; init; } = "0";

    /// <summary>Asserted offsets of Drive1 (Drive Slot: 0 presence, 1 drive fault).</summary>
    public string Drive1States { get; init; } = "0";

    /// <summary>Asserted offsets of the redundancy sensor (event type 0Bh: 0 fully redundant, 1 lost).</summary>
    public string RedundancyStates { get; init; } = "0";

    /// <summary>Asserted offsets of the Physical Security sensor (0 general chassis intrusion).</summary>
    public string IntrusionStates { get; init; } = string.Empty;

    /// <summary>SEL capacity in entries.</summary>
    public int SelCapacity { get; init; } = 512;

    /// <summary>Informational SEL entries present at start, besides the one old critical PSU entry.</summary>
    public int SelFiller { get; init; }

    /// <summary>Seconds between new SEL entries (a critical PSU1 failure and its deassertion, in turn); 0 = none.</summary>
    public int SelCriticalEverySeconds { get; init; }

    /// <summary>The profile as YAML for <c>ProfileLoader.Parse</c>.</summary>
    public string ToYaml()
    {
        var yaml = new StringBuilder($$"""
            name: fault-fleet
            bmc:
              deviceId: 0x20
              firmware: "2.45"
              manufacturerId: 0x00A2B3
              productId: 0x0101
              auxFirmware: [0, 0, 0, 1]
              sessionLimit: 8
              cipherSuites: [{{CipherSuites}}]
              systemFirmwareVersion: "2.10.4"
              watchdog: "44 13 0A 10 58 02 2D 01"
              lanMode: 1
            users: {{Users}}
            security: { {{Security}} }
            load: { periodSeconds: 1800, min: 0.5, max: 0.5 }
            chassis: { powerOn: true, restorePolicy: previous, lastPowerEvent: none, intrusion: {{Bool(ChassisIntrusion)}}, driveFault: {{Bool(ChassisDriveFault)}}, coolingFault: {{Bool(ChassisCoolingFault)}} }
            dcmi: { supported: true, idleWatts: 200, maxWatts: 200, noiseWatts: 0 }
            sensors:
              - { name: Inlet Temp, type: temperature, unit: degreesC, entity: 0x40, thresholds: { lnc: 5, lcr: 3, unc: 38, ucr: 42, unr: 47 }, behaviour: { base: {{Number(InletCelsius)}} } }
              - { name: CPU1 Temp, type: temperature, unit: degreesC, entity: 0x03, thresholds: { unc: 88, ucr: 95, unr: 100 }, behaviour: { base: 60 } }
              - { name: FAN1, type: fan, unit: rpm, entity: 0x1D, m: 100, thresholds: { lnr: 300, lcr: 600, lnc: 900 }, behaviour: { base: 8000 } }
              - { name: FAN2, type: fan, unit: rpm, entity: 0x1D, m: 100, thresholds: { lnr: 300, lcr: 600, lnc: 900 }, behaviour: { base: {{Number(Fan2Rpm)}} } }
              - { name: 12V, type: voltage, unit: volts, entity: 0x07, m: 6, rExp: -2, thresholds: { lcr: 10.8, lnc: 11.4, unc: 12.6, ucr: 13.2 }, behaviour: { base: 12.06 } }
              - { name: System Power, type: current, unit: watts, entity: 0x13, m: 4, thresholds: { unc: 700, ucr: 800 }, behaviour: { base: 200 } }
              - { name: PSU1, type: powerSupply, record: compact, entity: 0x0A, states: [0] }
              - { name: PSU2, type: powerSupply, record: compact, entity: 0x0A, entityInstance: 2, states: [{{Psu2States}}] }
              - { name: Drive0, type: driveSlot, record: compact, entity: 0x04, states: [0] }
              - { name: Drive1, type: driveSlot, record: compact, entity: 0x04, entityInstance: 2, states: [{{Drive1States}}] }
              - { name: PS Redundancy, type: powerSupply, record: compact, eventType: 0x0B, entity: 0x13, states: [{{RedundancyStates}}] }
              - { name: Intrusion, type: physicalSecurity, record: compact, entity: 0x17, states: [{{IntrusionStates}}] }
              - { name: Event Log, type: eventLogging, record: eventOnly, entity: 0x07 }
            locators:
              - { kind: mc, name: BMC, address: 0x20, entity: 0x06, capabilities: 0x2F }
              - { kind: fru, name: System Board, deviceId: 1, entity: 0x07 }
            fru:
              board: { manufacturer: Simulated Systems, product: Fault Board, serial: "BD{bmc}", partNumber: MB-1, mfgDate: "2024-03-18 09:30" }
              product: { manufacturer: Simulated Systems, name: FaultServer, partNumber: SYS-1, version: "A1", serial: "SN{bmc}", assetTag: "" }
            sel:
              capacity: {{SelCapacity}}
              initial:
                - { sensor: PSU1, offset: 1, ageSeconds: 7200 }
                - { sensor: PSU1, offset: 1, deassert: true, ageSeconds: 7100 }

            """);
        for (var i = 0; i < SelFiller; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"    - {{ sensor: Event Log, offset: 2, ageSeconds: {3600 - i} }}\n");
        }

        if (SelCriticalEverySeconds > 0)
        {
            yaml.Append(CultureInfo.InvariantCulture, $$"""
                  growth:
                    everySeconds: {{SelCriticalEverySeconds}}
                    events:
                      - { sensor: PSU1, offset: 1 }
                      - { sensor: PSU1, offset: 1, deassert: true }

                """);
        }

        return yaml.ToString();
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
