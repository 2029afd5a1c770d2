namespace BmcExporter.Ipmi.Client;

/// <summary>
/// Inbound replay window over the BMC's session sequence numbers (IPMI v2.0 §6.12.13; reference §2.11): a packet
/// is accepted when it is newer than the highest seen, or up to 31 behind it and not seen before. Wrap-around
/// is handled by signed 32-bit distance; 0 is never a valid in-session number.
/// </summary>
internal sealed class SequenceWindow
{
    private const int Size = 32;
    private uint _highest;
    private uint _seen;
    private bool _started;

    public bool TryAccept(uint sequence)
    {
        if (sequence == 0)
        {
            return false;
        }

        if (!_started)
        {
            _started = true;
            _highest = sequence;
            _seen = 1;
            return true;
        }

        var delta = unchecked((int)(sequence - _highest));
        if (delta > 0)
        {
            _seen = delta >= Size ? 1u : (_seen << delta) | 1u;
            _highest = sequence;
            return true;
        }

        var back = -delta;
        if (back >= Size)
        {
            return false;
        }

        var bit = 1u << back;
        if ((_seen & bit) != 0)
        {
            return false;
        }

        _seen |= bit;
        return true;
    }

    public void Reset()
    {
        _started = false;
        _highest = 0;
        _seen = 0;
    }
}
