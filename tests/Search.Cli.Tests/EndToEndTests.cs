using System.Text.RegularExpressions;
using Search.Cli.Arguments;
using Search.Cli.Commands;
using Search.Cli.Connection;
using Search.Cli.Ingest;

namespace Search.Cli.Tests;

/// <summary>The CLI's commands against the real server started in this process.</summary>
public sealed class EndToEndTests : IAsyncLifetime
{
    private readonly InProcessServer server = new();

    public Task InitializeAsync() => server.InitializeAsync();

    public Task DisposeAsync() => server.DisposeAsync();

    private static string TestPath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, .. parts]);

    [Fact]
    public async Task Ingesting_the_samples_indexes_all_26_then_search_shows_hits_and_facets()
    {
        var console = TestConsole.Create();
        using (var connection = new ServerConnection(new GlobalOptions(server.Url, ApiKey: null)))
        {
            var ingest = new IngestCommand(new IngestOptions([TestPath("samples")], BatchSize: 5), connection, console.Console);
            Assert.Equal(ExitCodes.Success, await ingest.RunAsync(CancellationToken.None));
        }
        string summary = console.Out.ToString();
        Assert.Matches(@"indexed:\s+26\b", summary);
        Assert.Matches(@"rejected by reader:\s+0\b", summary);
        Assert.Matches(@"rejected by server:\s+0\b", summary);
        Assert.Contains("ingest: ", console.Error.ToString(), StringComparison.Ordinal);

        string generation = Regex.Match(summary, @"generation:\s+(\d+)").Groups[1].Value;
        var search = TestConsole.Create();
        int exitCode = await CliApp.RunAsync(
            ["--server", server.Url, "search", "Europol", "--facets", "source", "--min-generation", generation], search.Console);

        string output = search.Out.ToString();
        Assert.True(exitCode == ExitCodes.Success, search.Error.ToString());
        Assert.Contains("Europol coordinates takedown of banking botnet infrastructure", output, StringComparison.Ordinal);
        Assert.Contains("source:", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  Security Affairs\s+\d+$", output);
    }

    [Fact]
    public async Task A_broken_line_is_reported_with_its_file_and_line_and_exit_code_1()
    {
        var console = TestConsole.Create();
        int exitCode = await CliApp.RunAsync(["--server", server.Url, "ingest", TestPath("TestData", "broken")], console.Console);

        string summary = console.Out.ToString();
        Assert.Equal(ExitCodes.Rejected, exitCode);
        Assert.Matches(@"indexed:\s+2\b", summary);
        Assert.Matches(@"rejected by reader:\s+1\b", summary);
        Assert.Contains(Path.Combine("broken", "articles.jsonl") + ":2", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_that_does_not_parse_prints_the_status_and_exits_2()
    {
        var console = TestConsole.Create();
        int exitCode = await CliApp.RunAsync(["--server", server.Url, "search", "title:("], console.Console);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("InvalidArgument", console.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_stats_and_delete_work_on_an_ingested_article()
    {
        var ingest = TestConsole.Create();
        await CliApp.RunAsync(["--server", server.Url, "ingest", TestPath("TestData", "broken")], ingest.Console);
        // Writes become searchable on the next refresh; the printed generation lets get wait for it.
        string generation = Regex.Match(ingest.Out.ToString(), @"generation:\s+(\d+)").Groups[1].Value;

        var get = TestConsole.Create();
        int getExit = await CliApp.RunAsync(["--server", server.Url, "get", "broken-1", "--min-generation", generation], get.Console);
        Assert.True(getExit == ExitCodes.Success, get.Error.ToString());
        Assert.Contains("Europol warns of phishing wave", get.Out.ToString(), StringComparison.Ordinal);

        var delete = TestConsole.Create();
        Assert.Equal(ExitCodes.Success, await CliApp.RunAsync(["--server", server.Url, "delete", "broken-1", "nope"], delete.Console));
        Assert.Contains("deleted 1 of 2", delete.Out.ToString(), StringComparison.Ordinal);

        var stats = TestConsole.Create();
        Assert.Equal(ExitCodes.Success, await CliApp.RunAsync(["--server", server.Url, "stats", "--json"], stats.Console));
        Assert.Contains("\"articleCount\"", stats.Out.ToString(), StringComparison.Ordinal);
    }
}
