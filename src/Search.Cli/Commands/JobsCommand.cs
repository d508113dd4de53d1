using Search.Cli.Connection;
using Search.Cli.Reindexing;
using Search.Cli.Rendering;
using Search.Contracts.V1;

namespace Search.Cli.Commands;

/// <summary><c>jobs [--json]</c>: the server's recent reindex jobs, newest first, one line each.</summary>
internal sealed class JobsCommand(bool json, ServerConnection connection, CliConsole console)
{
    /// <summary>Long failure messages would push the table off the screen; <c>job ID</c> shows them whole.</summary>
    public const int MessageWidth = 60;

    public async Task<int> RunAsync(CancellationToken cancellation)
    {
        ListReindexJobsResponse response = await connection.Reindex.ListReindexJobsAsync(new ListReindexJobsRequest(), cancellationToken: cancellation);
        if (json)
        {
            JsonOutput.Write(console.Out, response);
            return ExitCodes.Success;
        }
        if (response.Jobs.Count == 0)
        {
            console.Out.WriteLine("no reindex jobs yet; `search reindex` starts one");
            return ExitCodes.Success;
        }
        // The server already lists newest first.
        var rows = response.Jobs.Select(job => (IReadOnlyList<string>)
        [
            job.Id,
            ReindexJobText.State(job.State),
            job.Total > 0 ? $"{ReindexJobText.Number(job.Processed)}/{ReindexJobText.Number(job.Total)}" : ReindexJobText.Number(job.Processed),
            ReindexJobText.Number(job.Failed),
            ReindexJobText.Rate(job.ArticlesPerSecond),
            ReindexJobText.Time(job.Started),
            ReindexJobText.Time(job.Finished),
            Shorten(TerminalText.SingleLine(job.Message)),
        ]).ToList();
        ColumnTableWriter.Write(console.Out, ["ID", "STATE", "PROCESSED", "FAILED", "RATE", "STARTED", "FINISHED", "MESSAGE"], rows);
        return ExitCodes.Success;
    }

    private static string Shorten(string message) =>
        message.Length <= MessageWidth ? message : message[..(MessageWidth - 1)] + "…";
}
