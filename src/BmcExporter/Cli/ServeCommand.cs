namespace BmcExporter.Cli;

// PLACEHOLDER: replaced by its owner.
internal static class ServeCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("not available yet");
        return Task.FromResult(2);
    }
}
