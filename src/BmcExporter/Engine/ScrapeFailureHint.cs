using BmcExporter.Collectors;
using BmcExporter.Snapshots;

namespace BmcExporter.Engine;

/// <summary>
/// The setting or check an operator acts on when a target stops giving data, from the scrape's outcome and the cause
/// its error leads with (<see cref="ErrorClassifier.DescribeSessionFailure"/> writes those causes; the prefixes are its constants).
/// </summary>
public static class ScrapeFailureHint
{
    /// <summary>One sentence naming what to check or change for a failed or timed-out scrape of <paramref name="module"/>.</summary>
    public static string For(ScrapeOutcome outcome, string error, string module)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (outcome == ScrapeOutcome.Timeout)
        {
            return "the scrape ran out of time: raise scrape.timeout if the BMC is slow but answering (its page shows how far the SDR walk got)";
        }

        if (error.Contains(ErrorClassifier.AuthenticationCause, StringComparison.Ordinal))
        {
            return $"check modules.{module}.user, its password (password_file or password_env), privilege and cipher_suites";
        }

        if (error.Contains(ErrorClassifier.SlotsExhaustedCause, StringComparison.Ordinal))
        {
            return "other clients hold every session the BMC offers: close them (or let them expire); the exporter keeps one session per target and module";
        }

        if (error.Contains(ErrorClassifier.UnreachableCause, StringComparison.Ordinal))
        {
            return "check the target's address and the route to its IPMI port (UDP 623 unless the target says otherwise; TCP 443 for a Redfish module)";
        }

        if (error.Contains(ErrorClassifier.NoAnswerCause, StringComparison.Ordinal))
        {
            return $"check that the BMC answers IPMI over LAN (RMCP+), or Redfish for a Redfish module, on the target's port; raise modules.{module}.timeout if it answers slowly";
        }

        return "the target's page on the status page lists each collector's error";
    }
}
