using BmcExporter.Cli;

return await CommandDispatcher.RunAsync(args).ConfigureAwait(false);
