using System.Globalization;
using System.IO.Compression;
using BmcExporter.Collectors;

namespace BmcExporter.Tests.Output;

public sealed class ManufacturerNamesTests
{
    [Theory]
    [InlineData(4753u, "MontaVista Software, Inc. (4753)")] // ipmi_sim's default, as bmc-info prints it
    [InlineData(41651u, "Dapesco S.A. (41651)")] // the typical-1u profile, as the peer showed it (docs/simulator.md)
    [InlineData(2011u, "HUAWEI Technology Co.,Ltd (2011)")]
    [InlineData(0u, "Reserved (0)")]
    [InlineData(49622u, "49622")] // OpenBMC: registered after FreeIPMI 1.6.10's copy, so the bare number
    [InlineData(49374u, "49374")] // the gpu-dense profile
    public void Describe_Id_AsBmcInfoPrintsIt(uint id, string expected) => Assert.Equal(expected, ManufacturerNames.Describe(id));

    [Fact]
    public void Resource_EveryLineNumberTabName_Ascending()
    {
        using var stream = typeof(ManufacturerNames).Assembly.GetManifestResourceStream("BmcExporter.Collectors.Data.iana-enterprise-numbers.tsv.gz");
        Assert.NotNull(stream);
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        var previous = -1L;
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split('\t');
            Assert.Equal(2, parts.Length);
            var id = long.Parse(parts[0], CultureInfo.InvariantCulture);
            Assert.True(id > previous, $"line {count + 1}: {id} after {previous}");
            Assert.NotEmpty(parts[1]);
            previous = id;
            count++;
        }

        Assert.Equal(47_731, count);
        Assert.Equal(47_861, previous);
    }
}
