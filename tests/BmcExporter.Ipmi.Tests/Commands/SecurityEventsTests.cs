using BmcExporter.Ipmi.Sel;

namespace BmcExporter.Ipmi.Tests.Commands;

public sealed class SecurityEventsTests
{
    [Fact]
    public void Decode_SessionAuditInvalidPassword_UserAndChannel()
    {
        // ED1 0xF2: ED2 and ED3 sensor-specific, offset 02h; ED2 user 3; ED3 channel 1 (IPMI v2.0 table 42-3).
        var record = new SystemEventRecord { SensorType = 0x2A, EventReadingType = 0x6F, EventData1 = 0xF2, EventData2 = 0x03, EventData3 = 0x01 };

        var decoded = SecurityEvents.Decode(record);

        Assert.Equal(new SecurityEvent(SecurityEventKind.SessionAudit, "invalid_username_or_password", 3, 1), decoded);
    }

    [Fact]
    public void Decode_SessionAuditWithoutEventData_NoUserOrChannel()
    {
        var record = new SystemEventRecord { SensorType = 0x2A, EventReadingType = 0x6F, EventData1 = 0x00 };

        Assert.Equal(new SecurityEvent(SecurityEventKind.SessionAudit, "activated", null, null), SecurityEvents.Decode(record));
    }

    [Fact]
    public void Decode_SecurityViolationOutOfBandPassword_Named()
    {
        var record = new SystemEventRecord { SensorType = 0x06, EventReadingType = 0x6F, EventData1 = 0x05 };

        Assert.Equal("out_of_band_password_violation", SecurityEvents.Decode(record)!.Value.Event);
    }

    [Theory]
    [InlineData(0x01, 0x6F, false)] // temperature
    [InlineData(0x2A, 0x01, false)] // threshold reading type
    [InlineData(0x2A, 0x6F, true)]  // deassertion
    public void Decode_OtherEntries_Null(int sensorType, int readingType, bool deassertion)
    {
        var record = new SystemEventRecord { SensorType = (byte)sensorType, EventReadingType = (byte)readingType, IsDeassertion = deassertion, EventData1 = 0x02 };

        Assert.Null(SecurityEvents.Decode(record));
    }
}
