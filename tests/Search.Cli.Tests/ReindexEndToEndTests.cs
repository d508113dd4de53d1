using System.Text.RegularExpressions;
using Search.Cli.Connection;
using Search.Contracts.V1;

namespace Search.Cli.Tests;

/// <summary>reindex, jobs, job and reindex --cancel against the real server started in this process.</summary>
public sealed class ReindexEndToEndTests : IAsyncLifetime
{
    /// <summary>Reindex files must be under this folder; the samples in the test output are outside it.</summary>
    private readonly string allowedRoot = Path.Combine(Path.GetTempPath(), "search-cli-reindex-" + Guid.NewGuid().ToString("N"));
    private readonly InProcessServer server;

    public ReindexEndToEndTests()
    {
        Directory.CreateDirectory(allowedRoot);
        server = new InProcessServer($"--Search:ReindexAllowedRoot={allowedRoot}");
    }

    public Task InitializeAsync() => server.InitializeAsync();

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        Directory.Delete(allowedRoot, recursive: true);
    }

    private static string SamplesPath => Path.Combine(AppContext.BaseDirectory, "samples");

    private async Task<(int ExitCode, string Out, string Error)> RunAsync(string[] args, CancellationToken cancellation = default)
    {
        var console = TestConsole.Create();
        int exitCode = await CliApp.RunAsync(["--server", server.Url, .. args], console.Console, cancellation);
        return (exitCode, console.Out.ToString(), console.Error.ToString());
    }

    private async Task IngestSamplesAsync()
    {
        var ingest = await RunAsync(["ingest", SamplesPath]);
        Assert.True(ingest.ExitCode == ExitCodes.Success, ingest.Error);
    }

    private static string JobId(string output) => Regex.Match(output, @"\brj-[0-9]{8}-[0-9]{6}-[0-9a-f]{6}\b").Value;

    [Fact]
    public async Task Reindex_follows_the_job_to_SUCCEEDED_and_jobs_and_job_list_it()
    {
        await IngestSamplesAsync();

        var reindex = await RunAsync(["reindex"]);

        Assert.True(reindex.ExitCode == ExitCodes.Success, reindex.Out + reindex.Error);
        Assert.Matches(@"state:\s+SUCCEEDED", reindex.Out);
        // Every sample ingested just before must be in the rebuild, none lost to a searcher not yet refreshed.
        Assert.True(Regex.IsMatch(reindex.Out, @"processed:\s+26 of 26\b"), reindex.Out);
        Assert.Matches(@"failed:\s+0\b", reindex.Out);
        Assert.Contains("reindex: [", reindex.Error, StringComparison.Ordinal);
        string id = JobId(reindex.Out);
        Assert.NotEmpty(id);

        var jobs = await RunAsync(["jobs"]);
        Assert.Equal(ExitCodes.Success, jobs.ExitCode);
        Assert.Matches($@"(?m)^{id}\s+SUCCEEDED\s+26/26\s+0\s", jobs.Out);
        Assert.StartsWith("ID", jobs.Out, StringComparison.Ordinal);

        var job = await RunAsync(["job", id]);
        Assert.Equal(ExitCodes.Success, job.ExitCode);
        Assert.Matches(@"state:\s+SUCCEEDED", job.Out);

        var stats = await RunAsync(["stats"]);
        Assert.Matches(@"articles\s+26\b", stats.Out);
    }

    [Fact]
    public async Task Reindex_from_files_under_the_allowed_root_keeps_the_live_articles()
    {
        await IngestSamplesAsync();
        File.Copy(Path.Combine(SamplesPath, "articles.jsonl"), Path.Combine(allowedRoot, "articles.jsonl"));

        var reindex = await RunAsync(["reindex", "--from", Path.Combine(allowedRoot, "articles.jsonl")]);

        Assert.True(reindex.ExitCode == ExitCodes.Success, reindex.Out + reindex.Error);
        // 26 live articles, then the 17 lines of the file on top (same ids, so still 26 articles).
        Assert.True(Regex.IsMatch(reindex.Out, @"processed:\s+43 of 43\b"), reindex.Out);
        Assert.Matches(@"message:\s+Rebuilt 26 articles", reindex.Out);
    }

    [Fact]
    public async Task Cancelling_a_finished_job_is_FailedPrecondition_with_exit_code_2()
    {
        var reindex = await RunAsync(["reindex"]);
        Assert.Equal(ExitCodes.Success, reindex.ExitCode);

        var cancel = await RunAsync(["reindex", "--cancel", JobId(reindex.Out)]);

        Assert.Equal(ExitCodes.Failure, cancel.ExitCode);
        Assert.Contains("FailedPrecondition", cancel.Error, StringComparison.Ordinal);
        Assert.Contains("already finished", cancel.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindex_from_a_path_outside_the_allowed_root_is_InvalidArgument_with_exit_code_2()
    {
        var reindex = await RunAsync(["reindex", "--from", SamplesPath]);

        Assert.Equal(ExitCodes.Failure, reindex.ExitCode);
        Assert.Contains("InvalidArgument", reindex.Error, StringComparison.Ordinal);
        Assert.Contains("outside the allowed root", reindex.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_job_is_NotFound_with_exit_code_2()
    {
        var job = await RunAsync(["job", "rj-nope"]);

        Assert.Equal(ExitCodes.Failure, job.ExitCode);
        Assert.Contains("NotFound", job.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_C_detaches_without_cancelling_the_job()
    {
        await IngestSamplesAsync();
        using var interrupted = new CancellationTokenSource();
        // As if Ctrl+C came right after the start: watching stops, the job goes on.
        await interrupted.CancelAsync();

        var reindex = await RunAsync(["reindex"], interrupted.Token);

        Assert.Equal(ExitCodes.Detached, reindex.ExitCode);
        string id = JobId(reindex.Out);
        Assert.Contains($"detached; job {id} keeps running; `search jobs` to check, `search reindex --cancel {id}` to cancel", reindex.Out, StringComparison.Ordinal);
        using var connection = new ServerConnection(new Arguments.GlobalOptions(server.Url, null));
        ReindexJob finished = await WaitForEndAsync(connection, id);
        Assert.Equal(ReindexState.Succeeded, finished.State);
    }

    private static async Task<ReindexJob> WaitForEndAsync(ServerConnection connection, string id)
    {
        using var call = connection.Reindex.WatchReindexJob(new WatchReindexJobRequest { Id = id });
        ReindexJob? last = null;
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            last = call.ResponseStream.Current;
        }
        return last!;
    }
}
