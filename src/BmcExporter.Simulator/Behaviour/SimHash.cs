namespace BmcExporter.Simulator.Behaviour;

/// <summary>
/// Seeded, stateless pseudo-randomness: every draw is a pure function of (seed, BMC, key, slot), so 10,000
/// BMCs need no per-sensor random state and a run is reproducible from its seed.
/// </summary>
internal static class SimHash
{
    /// <summary>SplitMix64 finaliser: a well-mixed 64-bit value from any input.</summary>
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    public static ulong Hash(ulong seed, int bmc, int key, long slot) =>
        Mix(Mix(Mix(seed ^ (uint)bmc) ^ ((ulong)(uint)key << 17)) ^ (ulong)slot);

    /// <summary>Uniform in [0, 1).</summary>
    public static double Unit(ulong seed, int bmc, int key, long slot) => (Hash(seed, bmc, key, slot) >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [-1, 1).</summary>
    public static double Signed(ulong seed, int bmc, int key, long slot) => (Unit(seed, bmc, key, slot) * 2) - 1;
}

/// <summary>A tiny mutable generator (8 bytes of state) for per-packet fault decisions.</summary>
internal struct SimRandom(ulong seed)
{
    private ulong _state = seed;

    public double NextDouble()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return (SimHash.Mix(_state) >> 11) * (1.0 / (1UL << 53));
    }
}
