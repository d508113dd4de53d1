using Search.Cli.Connection;
using Search.Cli.Reindexing;
using Search.Cli.Rendering;
using Search.Contracts.V1;

namespace Search.Cli.Commands;

/// <summary><c>job ID [--json]</c>: one reindex job in full, with its first rejected articles.</summary>
internal sealed class JobCommand(string id, bool json, ServerConnection connection, CliConsole console)
{
    public async Task<int> RunAsync(CancellationToken cancellation)
    {
        ReindexJob job = await connection.Reindex.GetReindexJobAsync(new GetReindexJobRequest { Id = id }, cancellationToken: cancellation);
        if (json)
        {
            JsonOutput.Write(console.Out, job);
        }
        else
        {
            ReindexSummaryWriter.Write(console.Out, job);
        }
        return ExitCodes.Success;
    }
}
