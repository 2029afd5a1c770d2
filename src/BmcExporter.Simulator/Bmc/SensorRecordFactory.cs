using BmcExporter.Ipmi.Sdr;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Bmc;

/// <summary>Turns a profile sensor into the codec's SDR model (IPMI v2.0 §43.1-§43.3).</summary>
internal static class SensorRecordFactory
{
    public static SdrRecord Create(SensorDefinition s, ushort recordId)
    {
        var sharing = new RecordSharing(
            (byte)(s.ShareCount <= 1 ? 1 : s.ShareCount),
            s.ShareAlpha ? IdStringModifierType.Alpha : IdStringModifierType.Numeric,
            s.ShareOffset,
            s.ShareEntityIncrements);
        return s.Record switch
        {
            SdrRecordKind.Full => Full(s, recordId),
            SdrRecordKind.Compact => new CompactSensorRecord
            {
                RecordId = recordId,
                OwnerId = s.OwnerId,
                OwnerLun = s.Lun,
                SensorNumber = s.Number,
                EntityId = s.EntityId,
                EntityInstance = s.EntityInstance,
                SensorType = s.SensorType,
                EventReadingType = s.EventReadingType,
                AssertionMask = 0x7FFF,
                DeassertionMask = 0x7FFF,
                ReadingMask = 0x7FFF,
                Units = new SensorUnits(0xC0, s.Unit, 0),
                Sharing = sharing,
                IdString = s.Name,
            },
            _ => new EventOnlyRecord
            {
                RecordId = recordId,
                OwnerId = s.OwnerId,
                OwnerLun = s.Lun,
                SensorNumber = s.Number,
                EntityId = s.EntityId,
                EntityInstance = s.EntityInstance,
                SensorType = s.SensorType,
                EventReadingType = s.EventReadingType,
                Sharing = sharing,
                IdString = s.Name,
            },
        };
    }

    private static FullSensorRecord Full(SensorDefinition s, ushort recordId)
    {
        var t = s.Thresholds;
        var mask = t.Mask;
        byte Raw(double? v) => v is { } x ? s.Conversion.ToRaw(x, s.AnalogFormat) : (byte)0;
        var format = s.IsThreshold || s.Behaviour is not null ? (AnalogDataFormat)s.AnalogFormat : AnalogDataFormat.None;
        var nominal = s.Behaviour is { } b ? s.Conversion.ToRaw(b.Base, s.AnalogFormat) : (byte)0;

        // Threshold sensors: lower/upper "reading mask" bits 14:12 say which comparisons are returned;
        // bytes 19/20 hold the readable (low) and settable (high, none here) threshold masks (IPMI v2.0 §43.1).
        ushort lowerMask = (ushort)(((mask & 0x07) << 12) | AssertBits(mask, lower: true));
        ushort upperMask = (ushort)((((mask >> 3) & 0x07) << 12) | AssertBits(mask, lower: false));
        return new FullSensorRecord
        {
            RecordId = recordId,
            OwnerId = s.OwnerId,
            OwnerLun = s.Lun,
            SensorNumber = s.Number,
            EntityId = s.EntityId,
            EntityInstance = s.EntityInstance,
            SensorType = s.SensorType,
            EventReadingType = s.EventReadingType,
            SensorCapabilities = (byte)(s.IsThreshold ? (mask == 0 ? 0x40 : 0x48) : 0x40),
            AssertionMask = s.IsThreshold ? lowerMask : (ushort)0x7FFF,
            DeassertionMask = s.IsThreshold ? upperMask : (ushort)0x7FFF,
            ReadingMask = s.IsThreshold ? mask : (ushort)0x7FFF,
            Units = SensorUnits.Create(s.Unit, format, percentage: s.Percentage),
            Linearization = s.Linearization,
            Factors = s.Conversion.Factors,
            AnalogFlags = (byte)(s.Behaviour is null ? 0 : 1),
            NominalReading = nominal,
            SensorMaximum = s.AnalogFormat == 2 ? (byte)0x7F : (byte)0xFF,
            SensorMinimum = s.AnalogFormat == 2 ? (byte)0x80 : (byte)0x00,
            Thresholds = new RawThresholds(Raw(t.Lnc), Raw(t.Lcr), Raw(t.Lnr), Raw(t.Unc), Raw(t.Ucr), Raw(t.Unr)),
            PositiveHysteresis = s.Hysteresis,
            NegativeHysteresis = s.Hysteresis,
            IdString = s.Name,
        };
    }

    // Assertion event bits for "going low" on lower thresholds and "going high" on upper ones (§42.1 table 42-2).
    private static ushort AssertBits(byte mask, bool lower)
    {
        ushort bits = 0;
        if (lower)
        {
            bits |= (mask & 0x01) != 0 ? (ushort)0x0001 : (ushort)0; // LNC going low
            bits |= (mask & 0x02) != 0 ? (ushort)0x0004 : (ushort)0; // LCR going low
            bits |= (mask & 0x04) != 0 ? (ushort)0x0010 : (ushort)0; // LNR going low
        }
        else
        {
            bits |= (mask & 0x08) != 0 ? (ushort)0x0080 : (ushort)0; // UNC going high
            bits |= (mask & 0x10) != 0 ? (ushort)0x0200 : (ushort)0; // UCR going high
            bits |= (mask & 0x20) != 0 ? (ushort)0x0800 : (ushort)0; // UNR going high
        }

        return bits;
    }
}
