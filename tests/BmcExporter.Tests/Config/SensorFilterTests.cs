using System.Text.RegularExpressions;
using BmcExporter.Config;

namespace BmcExporter.Tests.Config;

/// <summary>The matching rules of <see cref="SensorFilter"/>, FreeIPMI's where it has them.</summary>
public sealed class SensorFilterTests
{
    private const byte Temperature = 0x01;
    private const byte Fan = 0x04;
    private const byte PowerSupply = 0x08;

    [Fact]
    public void Allows_EmptyFilter_KeepsEverything()
    {
        Assert.True(SensorFilter.All.IsEmpty);
        Assert.True(SensorFilter.All.Allows("anything", 0xC5, 65_535));
    }

    [Fact]
    public void Allows_IncludeTypes_KeepsOnlyThoseTypes()
    {
        var filter = new SensorFilter { IncludeTypes = new HashSet<byte> { Temperature, Fan } };

        Assert.True(filter.Allows("CPU Temp", Temperature, 1));
        Assert.True(filter.Allows("FAN1", Fan, 2));
        Assert.False(filter.Allows("PSU1", PowerSupply, 3));
    }

    [Fact]
    public void Allows_IncludeRecordIds_TakePrecedenceOverIncludeTypes()
    {
        // FreeIPMI: "If both --record-ids and --sensor-types are specified, --record-ids takes precedence."
        var filter = new SensorFilter { IncludeRecordIds = new HashSet<int> { 7 }, IncludeTypes = new HashSet<byte> { Temperature } };

        Assert.True(filter.Allows("PSU1", PowerSupply, 7));
        Assert.False(filter.Allows("CPU Temp", Temperature, 8));
    }

    [Fact]
    public void Allows_Exclusions_ApplyAfterTheSelection()
    {
        var filter = new SensorFilter
        {
            IncludeRecordIds = new HashSet<int> { 7, 8, 9 },
            ExcludeRecordIds = new HashSet<int> { 8 },
            ExcludeTypes = new HashSet<byte> { Fan },
        };

        Assert.True(filter.Allows("a", Temperature, 7));
        Assert.False(filter.Allows("b", Temperature, 8));
        Assert.False(filter.Allows("c", Fan, 9));
    }

    [Fact]
    public void Allows_NameRegexes_IncludeThenExclude()
    {
        var filter = new SensorFilter { Include = [new Regex("^CPU")], Exclude = [new Regex("Fan")] };

        Assert.True(filter.Allows("CPU Temp", Temperature, 1));
        Assert.False(filter.Allows("CPU Fan", Fan, 2));
        Assert.False(filter.Allows("DIMM A1", Temperature, 3));
    }

    [Fact]
    public void Allows_TypesAndNames_MustBothPass()
    {
        var filter = new SensorFilter { IncludeTypes = new HashSet<byte> { Temperature }, Exclude = [new Regex("^Inlet")] };

        Assert.True(filter.Allows("CPU Temp", Temperature, 1));
        Assert.False(filter.Allows("Inlet Temp", Temperature, 2));
        Assert.False(filter.Allows("CPU Fan", Fan, 3));
    }

    [Fact]
    public void Equality_ComparesRegexesByPatternAndOptions()
    {
        var a = new SensorFilter { Include = [new Regex("^CPU", RegexOptions.CultureInvariant)], ExcludeTypes = new HashSet<byte> { 1, 4 } };
        var b = new SensorFilter { Include = [new Regex("^CPU", RegexOptions.CultureInvariant)], ExcludeTypes = new HashSet<byte> { 4, 1 } };
        var c = new SensorFilter { Include = [new Regex("^CPU", RegexOptions.IgnoreCase)], ExcludeTypes = new HashSet<byte> { 4, 1 } };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
    }
}
