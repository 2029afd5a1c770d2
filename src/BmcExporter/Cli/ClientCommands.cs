namespace BmcExporter.Cli;

// PLACEHOLDER: replaced by its owner.
internal static class ClientCommands
{
    public static Task<int> RunAsync(string verb, string[] args)
    {
        Console.Error.WriteLine("not available yet");
        return Task.FromResult(2);
    }
}
