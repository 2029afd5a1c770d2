using System.Globalization;
using System.Text.Json;
using BmcExporter.Collectors;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Fru;

namespace BmcExporter.Cli;

internal static partial class ClientCommands
{
    /// <summary>
    /// <c>bmc-exporter fru</c>: every FRU device the exporter's <c>fru</c> collector reads, by the same code
    /// (<see cref="FruDeviceSource.ResumeWalkAsync"/>, <see cref="FruDevices"/>, <see cref="FruDeviceReader"/>): FRU 0,
    /// then each logical FRU device a FRU Device Locator of the SDR names at the BMC, in record order. A device the BMC
    /// says is not there is listed as such; <see cref="BmcError"/> (after printing what was read) when a device failed
    /// or the SDR could not be read to its end. When every device says it is not there (the SDR read to its end), no
    /// table: one line on stderr naming each device's answer, and <see cref="BmcError"/>.
    /// </summary>
    /// <returns>The exit code: 0, or <see cref="BmcError"/>.</returns>
    internal static async Task<int> FruAsync(IIpmiChannel session, ClientCommandOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var walk = new SdrWalkState();
        FruSdrWalk sdr;
        using (var progress = WalkProgress.Start(stderr, options.ProgressOnTerminal, "reading the SDR repository for FRU locators", options.Time, () => RecordCount(walk)))
        {
            sdr = await FruDeviceSource.ResumeWalkAsync(session, walk, SdrReadOptions.Default, cancellationToken).ConfigureAwait(false);
        }

        var (devices, _) = FruDevices.From(walk.Records);
        var readOptions = FruReadOptions.Default with { TimeProvider = options.Time };
        var read = new List<(FruDevice Device, FruDeviceOutcome Outcome)>(devices.Count);
        foreach (var device in devices)
        {
            read.Add((device, await FruDeviceReader.ReadAsync(session, device, readOptions, cancellationToken).ConfigureAwait(false)));
        }

        if (sdr.Problem is null && read.All(r => r.Outcome.AbsentReason is not null))
        {
            // An answer, not a failed command: every device refused Get FRU Inventory Area Info or Read FRU Data with a
            // "no such device" code (IPMI v2.0 §34.1, §34.2), so there is no completion code of one command to report.
            var reasons = string.Join("; ", read.Select(r => $"{r.Device.Description}: {r.Outcome.AbsentReason}"));
            await stderr.WriteLineAsync($"bmc-exporter fru: {options.Host}:{options.Port} has no FRU data ({reasons})").ConfigureAwait(false);
            return BmcError;
        }

        if (options.Output == OutputFormat.Json)
        {
            await WriteJsonAsync(stdout, w =>
            {
                w.WriteStartArray();
                foreach (var (device, outcome) in read)
                {
                    WriteFruJson(w, device, outcome);
                }

                w.WriteEndArray();
            }).ConfigureAwait(false);
        }
        else
        {
            await WriteFruTableAsync(stdout, read).ConfigureAwait(false);
        }

        var exitCode = 0;
        if (sdr.Problem is { } problem)
        {
            await stderr.WriteLineAsync($"bmc-exporter fru: {problem}").ConfigureAwait(false);
            exitCode = BmcError;
        }

        foreach (var (device, outcome) in read.Where(r => r.Outcome.Failure is not null))
        {
            await stderr.WriteLineAsync($"bmc-exporter fru: {device.Description}: {outcome.Failure}").ConfigureAwait(false);
            exitCode = BmcError;
        }

        return exitCode; // what was read is printed; what was not is on stderr
    }

    /// <summary>One device as ipmitool <c>fru print</c> lays it out: a description line, then one line per field.</summary>
    private static async Task WriteFruTableAsync(TextWriter stdout, IReadOnlyList<(FruDevice Device, FruDeviceOutcome Outcome)> read)
    {
        for (var i = 0; i < read.Count; i++)
        {
            var (device, outcome) = read[i];
            if (i > 0)
            {
                await stdout.WriteLineAsync().ConfigureAwait(false);
            }

            await stdout.WriteLineAsync($"FRU Device Description : {device.Name} (ID {device.Id})").ConfigureAwait(false);
            if (outcome.Result is not { } result)
            {
                var line = outcome.AbsentReason is { } absent ? $" Device not present ({absent})" : $" Error: {outcome.Failure}";
                await stdout.WriteLineAsync(line).ConfigureAwait(false);
                continue;
            }

            foreach (var (_, label, value) in FruFields(result.Inventory))
            {
                await stdout.WriteLineAsync($" {label,-22}: {value}").ConfigureAwait(false);
            }

            if (!result.Inventory.AllChecksumsValid)
            {
                await stdout.WriteLineAsync(" (warning: one or more FRU checksums are invalid)").ConfigureAwait(false);
            }
        }
    }

    private static void WriteFruJson(Utf8JsonWriter w, FruDevice device, FruDeviceOutcome outcome)
    {
        w.WriteStartObject();
        w.WriteNumber("fruId", device.Id);
        w.WriteString("name", device.Name);
        w.WriteBoolean("present", outcome.AbsentReason is null);
        if (outcome.Result is { } result)
        {
            w.WriteNumber("size", result.AreaInfo.Size);
            w.WriteBoolean("checksumsValid", result.Inventory.AllChecksumsValid);
            foreach (var (key, _, value) in FruFields(result.Inventory))
            {
                w.WriteString(key, value);
            }
        }
        else if (outcome.AbsentReason is { } absent)
        {
            w.WriteString("notPresent", absent);
        }
        else
        {
            w.WriteString("error", outcome.Failure);
        }

        w.WriteEndObject();
    }

    /// <summary>The fields of the chassis, board and product areas that are there, with JSON key and table label.</summary>
    private static List<(string Key, string Label, string Value)> FruFields(FruInventory inv)
    {
        var fields = new List<(string Key, string Label, string Value)>();
        if (inv.Chassis is { } ch)
        {
            fields.Add(("chassisPartNumber", "Chassis Part Number", ch.PartNumber));
            fields.Add(("chassisSerial", "Chassis Serial", ch.SerialNumber));
        }

        if (inv.Board is { } b)
        {
            if (b.ManufacturingDate is { } d)
            {
                fields.Add(("boardMfgDate", "Board Mfg Date", d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
            }

            fields.Add(("boardManufacturer", "Board Mfg", b.Manufacturer));
            fields.Add(("boardProduct", "Board Product", b.ProductName));
            fields.Add(("boardSerial", "Board Serial", b.SerialNumber));
            fields.Add(("boardPartNumber", "Board Part Number", b.PartNumber));
        }

        if (inv.Product is { } p)
        {
            fields.Add(("productManufacturer", "Product Manufacturer", p.Manufacturer));
            fields.Add(("productName", "Product Name", p.ProductName));
            fields.Add(("productPartNumber", "Product Part Number", p.PartNumber));
            fields.Add(("productVersion", "Product Version", p.Version));
            fields.Add(("productSerial", "Product Serial", p.SerialNumber));
            fields.Add(("productAssetTag", "Product Asset Tag", p.AssetTag));
        }

        return fields;
    }
}
