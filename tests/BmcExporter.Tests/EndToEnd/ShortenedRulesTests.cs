using BmcExporter.Tests.Packaging;

namespace BmcExporter.Tests.EndToEnd;

/// <summary>The test-only rule rewrite changes timing lines only, so the end-to-end alert test runs the shipped rules.</summary>
public sealed class ShortenedRulesTests
{
    [Fact]
    public void Rewrite_ShippedRuleFiles_ChangesOnlyNonZeroForAndGroupIntervalLines()
    {
        foreach (var file in PackagingPaths.RuleFiles)
        {
            var shipped = File.ReadAllText(file).Split('\n');
            var rewritten = ShortenedRules.Rewrite(File.ReadAllText(file)).Split('\n');

            Assert.Equal(shipped.Length, rewritten.Length);
            var changed = shipped.Zip(rewritten).Where(p => p.First != p.Second).ToList();
            Assert.All(changed, p => Assert.Matches(@"^\s+(for|interval): ", p.First));
            Assert.All(changed, p => Assert.Matches($@"^\s+(for: {ShortenedRules.For}|interval: {ShortenedRules.Interval})$", p.Second));
        }
    }

    [Fact]
    public void Rewrite_ZeroForAndExpressions_LeftAsShipped()
    {
        const string Rules = "groups:\n  - name: g\n    interval: 5m\n    rules:\n      - alert: A\n        expr: increase(x[30m]) > 2\n        for: 0m\n      - alert: B\n        expr: y offset 10m\n        for: 15m\n";

        var rewritten = ShortenedRules.Rewrite(Rules);

        Assert.Equal(
            "groups:\n  - name: g\n    interval: 1s\n    rules:\n      - alert: A\n        expr: increase(x[30m]) > 2\n        for: 0m\n      - alert: B\n        expr: y offset 10m\n        for: 4s\n",
            rewritten);
    }
}
