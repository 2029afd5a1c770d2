using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace BmcExporter.Tests.Web;

/// <summary>
/// Debian's chromium driven through Debian's chromedriver (Selenium). Missing binaries fail the test with the
/// install command: scripts/install-test-deps.sh installs both. Screenshots go to TestResults/screenshots under the
/// test output directory.
/// </summary>
internal sealed class Browser : IDisposable
{
    private const string DriverDirectory = "/usr/bin";
    private const string Chromium = "/usr/bin/chromium";

    private Browser(ChromeDriver driver)
    {
        Driver = driver;
    }

    public ChromeDriver Driver { get; }

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static Browser Start()
    {
        Assert.True(File.Exists(Chromium) && File.Exists(Path.Combine(DriverDirectory, "chromedriver")), "chromium and chromium-driver are required: run scripts/install-test-deps.sh");
        var service = ChromeDriverService.CreateDefaultService(DriverDirectory);
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000");
        return new Browser(new ChromeDriver(service, options, TimeSpan.FromSeconds(60)));
    }

    public void Open(Uri url) => Driver.Navigate().GoToUrl(url);

    public IWebElement Find(string css) => Driver.FindElement(By.CssSelector(css));

    /// <summary>
    /// Waits (at most 200 polls of 50 ms) until the page a click asked for is loaded: a click returns before the
    /// navigation it starts has finished.
    /// </summary>
    public void WaitForUrlEnding(string suffix)
    {
        for (var poll = 0; poll < 200 && !Driver.Url.EndsWith(suffix, StringComparison.Ordinal); poll++)
        {
            Thread.Sleep(50);
        }

        Assert.EndsWith(suffix, Driver.Url, StringComparison.Ordinal);
    }

    public IReadOnlyList<IWebElement> FindAll(string css) => Driver.FindElements(By.CssSelector(css));

    /// <summary>Saves a full-window PNG as <paramref name="name"/>.png and returns its path.</summary>
    public string Screenshot(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    public void Dispose() => Driver.Quit();
}
