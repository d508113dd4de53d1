using Search.Server;

namespace Search.Cli.Commands;

/// <summary><c>serve [server args...]</c>: runs the search service in this process until it is stopped (Ctrl+C).</summary>
internal sealed class ServeCommand(IReadOnlyList<string> serverArguments)
{
    public async Task<int> RunAsync()
    {
        await SearchServerApp.Build(serverArguments.ToArray()).RunAsync();
        return ExitCodes.Success;
    }
}
