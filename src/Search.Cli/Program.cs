using Search.Cli;

// Ctrl+C cancels the running command (serve handles it itself through the host).
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await CliApp.RunAsync(args, CliConsole.System(), cancellation.Token);
