namespace BmcExporter.Cli;

/// <summary>
/// What <c>check-config --probe</c> found, in target order. <see cref="Warnings"/> are findings about the config (a
/// setting that does nothing or is missing on a target, a target the settings cannot read); they fail
/// <c>--strict</c>. <see cref="Notes"/> name checks that could not run (a list the BMC would not give, an SDR not read
/// completely, a target the probe does not speak to): they say nothing about the config, so they never fail
/// <c>--strict</c>, and they are printed so a missing warning is not taken for a clean result.
/// </summary>
internal sealed record ConfigProbeReport(IReadOnlyList<string> Warnings, IReadOnlyList<string> Notes);
