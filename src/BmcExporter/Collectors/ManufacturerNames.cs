namespace BmcExporter.Collectors;

/// <summary>
/// IANA Private Enterprise Numbers of common BMC vendors, spelled as in the IANA registry, formatted as
/// FreeIPMI's <c>bmc-info</c> prints them (<c>Name (number)</c>) for ipmi_exporter's <c>manufacturer_id</c> label.
/// </summary>
public static class ManufacturerNames
{
    private static readonly Dictionary<uint, string> Names = new()
    {
        [2] = "IBM",
        [11] = "Hewlett-Packard",
        [343] = "Intel Corporation",
        [674] = "Dell Inc.",
        [2011] = "Huawei Technologies Co., Ltd.",
        [4753] = "MontaVista Software, Inc.",
        [5703] = "Nvidia Corporation",
        [5771] = "Cisco Systems, Inc.",
        [7244] = "Quanta Computer Inc.",
        [10368] = "Fujitsu Siemens Computers",
        [10876] = "Super Micro Computer Inc.",
        [15370] = "GIGA-BYTE TECHNOLOGY CO., LTD",
        [19046] = "Lenovo Enterprise Business Group",
        [20974] = "American Megatrends, Inc.",
        [37945] = "Inspur Group Co., Ltd.",
        [40092] = "ASRock Rack Incorporation",
        [47196] = "Hewlett Packard Enterprise",
        [49622] = "OpenBMC Project",
        [57930] = "Ampere Computing",
    };

    /// <summary><c>Name (number)</c>, or <c>Unknown (number)</c> for vendors not in the table.</summary>
    public static string Describe(uint manufacturerId) =>
        Names.TryGetValue(manufacturerId, out var name) ? $"{name} ({manufacturerId})" : $"Unknown ({manufacturerId})";
}
