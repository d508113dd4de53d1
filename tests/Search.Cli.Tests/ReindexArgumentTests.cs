using Search.Cli.Arguments;
using Search.Cli.Commands;
using Search.Cli.Connection;
using Search.Contracts.V1;

namespace Search.Cli.Tests;

/// <summary>Parsing of reindex, jobs, job and quality.</summary>
public class ReindexArgumentTests
{
    private static ParsedCommand Parse(params string[] args) => ArgumentParser.Parse(args, _ => null);

    private static ReindexCommand Reindex(params string[] args)
    {
        // The connection is only used when the command runs; building one does not connect.
        using var connection = new ServerConnection(new GlobalOptions(GlobalOptions.DefaultServerUrl, null));
        return ReindexCommand.From(Parse(["reindex", .. args]), connection, TestConsole.Create().Console);
    }

    [Fact]
    public void Reindex_without_paths_rebuilds_from_the_live_index()
    {
        StartReindexRequest request = Reindex().StartRequest!;

        Assert.Equal(ReindexSource.LiveIndex, request.Source);
        Assert.Empty(request.Paths);
        Assert.False(request.Replace);
    }

    [Fact]
    public void Reindex_from_paths_reads_files_and_keeps_live_articles_unless_replace()
    {
        StartReindexRequest keep = Reindex("--from", "a.jsonl", "--from=dir").StartRequest!;
        StartReindexRequest replace = Reindex("--from", "a.jsonl", "--replace").StartRequest!;

        Assert.Equal(ReindexSource.Files, keep.Source);
        Assert.Equal(["a.jsonl", "dir"], keep.Paths);
        Assert.False(keep.Replace);
        Assert.Equal(ReindexSource.Files, replace.Source);
        Assert.True(replace.Replace);
    }

    [Fact]
    public void Reindex_cancel_takes_the_job_id_and_starts_nothing()
    {
        ReindexCommand command = Reindex("--cancel", "rj-1");

        Assert.Equal("rj-1", command.CancelId);
        Assert.Null(command.StartRequest);
    }

    [Theory]
    [InlineData("--cancel", "rj-1", "--from", "x")]
    [InlineData("--cancel", "rj-1", "--replace")]
    [InlineData("--replace")]
    public void Contradictory_reindex_options_are_usage_errors(params string[] args)
    {
        var error = Assert.Throws<UsageException>(() => Reindex(args));
        Assert.Equal("reindex", error.Command);
    }

    [Fact]
    public void Reindex_takes_no_positionals_and_cancel_needs_a_value()
    {
        Assert.Throws<UsageException>(() => Parse("reindex", "now"));
        Assert.Contains("needs a value", Assert.Throws<UsageException>(() => Parse("reindex", "--cancel")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Jobs_takes_json_and_job_takes_one_id()
    {
        Assert.True(Parse("jobs", "--json").Has("--json"));
        Assert.Throws<UsageException>(() => Parse("jobs", "extra"));
        Assert.Equal(["rj-9"], Parse("job", "rj-9").Positionals);
        Assert.Equal("job", Assert.Throws<UsageException>(() => Parse("job")).Command);
    }

    [Fact]
    public void Quality_takes_its_files_and_needs_one_of_them()
    {
        ParsedCommand command = Parse("quality", "--articles", "a.jsonl", "--mentions", "m.jsonl", "--gazetteer", "g.json");
        Assert.Equal("a.jsonl", command.Value("--articles"));
        Assert.Equal("m.jsonl", command.Value("--mentions"));
        Assert.Equal("g.json", command.Value("--gazetteer"));

        var error = Assert.Throws<UsageException>(() => QualityCommand.From(Parse("quality"), TestConsole.Create().Console));
        Assert.Equal("quality", error.Command);
    }

    [Fact]
    public void New_commands_have_help()
    {
        foreach (string name in new[] { "reindex", "jobs", "job", "quality" })
        {
            Assert.True(Parse(name, "--help").HelpRequested);
            Assert.Contains("search " + name, UsageText.For(name), StringComparison.Ordinal);
        }
        Assert.Contains("search reindex --cancel ID", UsageText.General(), StringComparison.Ordinal);
    }
}
