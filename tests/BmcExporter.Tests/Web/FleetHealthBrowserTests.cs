using OpenQA.Selenium;

namespace BmcExporter.Tests.Web;

/// <summary>The fleet health pages in a real browser (Debian chromium) against simulated BMCs with planted faults.</summary>
public sealed class FleetHealthBrowserTests(FaultyFleetFixture fleet) : IClassFixture<FaultyFleetFixture>
{
    [Fact]
    public void FleetPage_PlantedFaults_CountsEveryHealthAndFindingKind()
    {
        using var browser = Browser.Start();
        browser.Open(fleet.BaseAddress);

        Assert.Equal("Fleet health", browser.Find("h1").Text);
        Assert.Equal("critical: 1", browser.Find("#count-critical").Text);
        Assert.Equal("unreachable: 1", browser.Find("#count-unreachable").Text);
        Assert.Equal("warning: 0", browser.Find("#count-warning").Text);
        Assert.Equal("not yet scraped: 1", browser.Find("#count-not_scraped").Text);
        Assert.Equal("ok: 1", browser.Find("#count-ok").Text);
        Assert.Equal("failed PSU: 1", browser.Find("#finding-psu").Text);
        Assert.Equal("drive: 1", browser.Find("#finding-drive").Text);
        Assert.Equal("fan: 1", browser.Find("#finding-fan").Text);
        Assert.Equal("intrusion: 1", browser.Find("#finding-intrusion").Text);
        Assert.Equal("critical SEL events: 1", browser.Find("#finding-sel").Text);
        Assert.Contains(fleet.PendingKey, browser.Find("#not-scraped").Text, StringComparison.Ordinal);

        // Unhealthy first: critical, unreachable, not yet scraped, ok.
        var rows = browser.FindAll("#targets tr").Skip(1).Select(r => r.FindElements(By.TagName("td"))).ToList();
        Assert.Equal(["critical", "unreachable", "not yet scraped", "ok"], rows.Select(r => r[0].Text));
        Assert.Equal(fleet.FaultyKey.Split('#')[0], rows[0][1].Text);
        Assert.Contains("PSU", rows[0][3].Text, StringComparison.Ordinal);
        Assert.Contains("failed", rows[1][4].Text, StringComparison.Ordinal);
        Assert.NotEqual(string.Empty, rows[1][9].Text);
        browser.Screenshot("fleet");
    }

    [Fact]
    public void TargetPage_FaultyBmc_ShowsFindingsSensorsSelAndIdentity()
    {
        using var browser = Browser.Start();
        browser.Open(fleet.BaseAddress);
        browser.Find("#targets tr:nth-child(2) td:nth-child(2) a").Click();

        Assert.Equal("critical", browser.Find("#health").Text);
        var findings = browser.FindAll("#findings tr").Skip(1).Select(r => r.Text).ToList();
        Assert.Contains(findings, f => f.Contains("failed PSU", StringComparison.Ordinal) && f.Contains("PSU 1", StringComparison.Ordinal) && f.Contains("Failure detected", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("drive", StringComparison.Ordinal) && f.Contains("chassis", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("intrusion", StringComparison.Ordinal) && f.Contains("Intrusion", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("FAN7", StringComparison.Ordinal) && f.Contains("at or below lower critical 600", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.StartsWith("critical critical SEL events", StringComparison.Ordinal));

        var fan = browser.FindAll("#sensors tr").Single(r => r.FindElements(By.TagName("td")).FirstOrDefault()?.Text == "FAN7").FindElements(By.TagName("td"));
        Assert.Equal(["FAN7", "Fan", "400", "RPM", "critical", "300", "600", "900"], fan.Take(8).Select(c => c.Text));
        Assert.Contains(browser.FindAll("#sel tr").Skip(1), r => r.Text.Contains("critical", StringComparison.Ordinal) && r.Text.Contains("Power Supply", StringComparison.Ordinal));
        Assert.Contains("Simulated Systems", browser.Find("#identity").Text, StringComparison.Ordinal);
        Assert.Contains("cipher suite 17", browser.Find("#overview").Text, StringComparison.Ordinal);
        Assert.Contains("complete", browser.Find("#overview").Text, StringComparison.Ordinal);

        // The label from the config is shown as text, never parsed as markup.
        Assert.Contains(FaultyFleetFixture.HostileLabel, browser.Find("#overview").Text, StringComparison.Ordinal);
        Assert.Empty(browser.FindAll("#injected"));
        browser.Screenshot("target-critical");
    }

    [Fact]
    public void FleetPage_FilterUnreachable_ListsTheDeadTargetWithItsError()
    {
        using var browser = Browser.Start();
        browser.Open(fleet.BaseAddress);
        browser.Find("#filter select[name=health] option[value=unreachable]").Click();
        browser.Find("#filter button").Click();

        browser.WaitForUrlEnding("/?health=unreachable&finding=&q=");
        Assert.Equal("1 matching · page 1 of 1", browser.Find("#list-summary").Text);
        var row = browser.FindAll("#targets tr").Skip(1).Single().FindElements(By.TagName("td"));
        Assert.Equal(fleet.DeadKey.Split('#')[0], row[1].Text);
        browser.Find("#targets tr:nth-child(2) td:nth-child(2) a").Click();
        Assert.Equal("unreachable", browser.Find("#health").Text);
        Assert.NotEmpty(browser.FindAll("#errors tr").Skip(1));
        browser.Screenshot("target-unreachable");
    }

    [Fact]
    public void FleetPage_SortByTargetTwice_ReversesTheOrder()
    {
        using var browser = Browser.Start();
        browser.Open(fleet.BaseAddress);
        browser.FindAll("#targets th a").Single(a => a.Text.StartsWith("target", StringComparison.Ordinal)).Click();
        var ascending = browser.FindAll("#targets tr td:nth-child(2)").Select(c => c.Text).ToList();
        browser.FindAll("#targets th a").Single(a => a.Text.StartsWith("target", StringComparison.Ordinal)).Click();
        var descending = browser.FindAll("#targets tr td:nth-child(2)").Select(c => c.Text).ToList();

        Assert.Equal(ascending.Order(StringComparer.Ordinal), ascending);
        Assert.Equal(ascending.AsEnumerable().Reverse(), descending);
        Assert.Contains("order=desc", browser.Driver.Url, StringComparison.Ordinal);
    }

    [Fact]
    public void FleetPage_BadParameter_ShowsTheSentence()
    {
        using var browser = Browser.Start();
        browser.Open(new Uri(fleet.BaseAddress, "/?health=bogus"));

        Assert.Equal("health 'bogus' is not one of critical, unreachable, warning, not_scraped, ok", browser.Find("body").Text.Trim());
    }
}
