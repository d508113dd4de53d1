using Grpc.Core;
using Search.Cli.Arguments;
using Search.Cli.Commands;
using Search.Cli.Connection;
using Search.Cli.Ingest;

namespace Search.Cli;

/// <summary>Parses the command line, runs the command, and maps failures to messages and exit codes.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellation = default)
    {
        ParsedCommand command;
        try
        {
            command = ArgumentParser.Parse(args, console.Environment);
        }
        catch (UsageException error)
        {
            return ReportUsage(error, console);
        }

        if (command.Name == CommandCatalog.Help || command.HelpRequested)
        {
            string? topic = command.Name == CommandCatalog.Help ? (command.Positionals.Count > 0 ? command.Positionals[0] : null) : command.Name;
            console.Out.Write(UsageText.For(topic));
            return ExitCodes.Success;
        }
        if (command.Name == CommandCatalog.Serve)
        {
            return await new ServeCommand(command.Positionals).RunAsync();
        }
        if (command.Name == CommandCatalog.Quality)
        {
            try
            {
                return QualityCommand.From(command, console).Run();
            }
            catch (UsageException error)
            {
                return ReportUsage(error, console);
            }
        }

        using var connection = new ServerConnection(command.Global);
        try
        {
            return command.Name switch
            {
                "ingest" => await new IngestCommand(IngestOptions.From(command), connection, console).RunAsync(cancellation),
                "search" => await SearchCommand.From(command, connection, console).RunAsync(cancellation),
                "get" => await GetCommand.From(command, connection, console).RunAsync(cancellation),
                "stats" => await new StatsCommand(command.Has("--json"), connection, console).RunAsync(cancellation),
                "delete" => await new DeleteCommand(command.Positionals, connection, console).RunAsync(cancellation),
                "reindex" => await ReindexCommand.From(command, connection, console).RunAsync(cancellation),
                "jobs" => await new JobsCommand(command.Has("--json"), connection, console).RunAsync(cancellation),
                "job" => await new JobCommand(command.Positionals[0], command.Has("--json"), connection, console).RunAsync(cancellation),
                _ => throw new UsageException($"unknown command '{command.Name}'"),
            };
        }
        catch (UsageException error)
        {
            return ReportUsage(error, console);
        }
        catch (RpcException error)
        {
            return RpcErrorReporter.Report(error, connection.Url, console.Error);
        }
    }

    private static int ReportUsage(UsageException error, CliConsole console)
    {
        console.Error.WriteLine("error: " + error.Message);
        console.Error.WriteLine();
        console.Error.Write(UsageText.For(error.Command));
        return ExitCodes.Failure;
    }
}
