using BmcExporter.Cli;
using BmcExporter.Config;
using BmcExporter.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace BmcExporter.Tests.Logging;

public sealed class ConsoleLoggingTests
{
    [Theory]
    [InlineData("logfmt")]
    [InlineData("json")]
    public void ConfigureLogging_EitherFormat_FullConsoleQueueDropsLinesInsteadOfBlockingTheCaller(string format)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => ServeCommand.ConfigureLogging(b, new ServeOptions { LogFormat = format }));
        using var provider = services.BuildServiceProvider();

        var console = provider.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;

        // The framework default is Wait, which blocks whichever thread logs (a UDP receive thread among them).
        Assert.Equal(ConsoleLoggerQueueFullMode.DropWrite, console.QueueFullMode);
        Assert.Equal(format == "json" ? ConsoleFormatterNames.Json : LogfmtFormatter.FormatterName, console.FormatterName);
    }
}
