using Search.Cli.Arguments;
using Search.Cli.Commands;
using Search.Cli.Ingest;
using Search.Contracts.V1;

namespace Search.Cli.Tests;

public class ArgumentParserTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    private static ParsedCommand Parse(params string[] args) => ArgumentParser.Parse(args, NoEnvironment);

    [Fact]
    public void Ingest_takes_paths_and_batch_options()
    {
        ParsedCommand command = Parse("ingest", "a.jsonl", "dir", "--batch-size", "50", "--source-default=Wire");
        IngestOptions options = IngestOptions.From(command);

        Assert.Equal(["a.jsonl", "dir"], options.Paths);
        Assert.Equal(50, options.BatchSize);
        Assert.Equal("Wire", options.DefaultSource);
    }

    [Fact]
    public void Ingest_defaults_to_batches_of_500()
    {
        Assert.Equal(IngestOptions.DefaultBatchSize, IngestOptions.From(Parse("ingest", "x")).BatchSize);
    }

    [Fact]
    public void Ingest_without_paths_is_a_usage_error()
    {
        var error = Assert.Throws<UsageException>(() => Parse("ingest"));
        Assert.Equal("ingest", error.Command);
    }

    [Fact]
    public void Search_collects_repeated_filters_facets_and_paging()
    {
        ParsedCommand command = Parse("search", "europol botnet", "--source", "Reuters", "--source", "Security Affairs",
            "--org", "Europol", "--tag", "botnet", "--author", "Helen Carter", "--facets", "source,organisation",
            "--facets", "tag", "--facet-limit", "5", "--page-size", "20", "--page-token", "abc", "--sort", "newest",
            "--from", "2018-04-01", "--to", "2018-04-30", "--min-generation", "42");
        SearchRequest request = SearchCommand.BuildRequest(command);

        Assert.Equal("europol botnet", request.Query);
        Assert.Equal(["Reuters", "Security Affairs"], request.Filter.Sources);
        Assert.Equal(["Europol"], request.Filter.Organisations);
        Assert.Equal(["botnet"], request.Filter.Tags);
        Assert.Equal(["Helen Carter"], request.Filter.Authors);
        Assert.Equal(["source", "organisation", "tag"], request.Facets.Select(f => f.Field));
        Assert.All(request.Facets, facet => Assert.Equal(5, facet.Limit));
        Assert.Equal(20, request.PageSize);
        Assert.Equal("abc", request.PageToken);
        Assert.Equal(SortOrder.Newest, request.Sort);
        Assert.Equal(new DateTimeOffset(2018, 4, 1, 0, 0, 0, TimeSpan.Zero), request.Filter.PublishedFrom.ToDateTimeOffset());
        // A bare date as upper bound includes the whole day.
        Assert.Equal(new DateTimeOffset(2018, 5, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(-1), request.Filter.PublishedTo.ToDateTimeOffset());
        Assert.NotNull(request.Highlight);
        Assert.Equal(42, request.MinGeneration);
    }

    [Fact]
    public void Search_no_highlight_and_json_are_flags()
    {
        ParsedCommand command = Parse("search", "x", "--no-highlight", "--json");
        Assert.True(command.Has("--json"));
        Assert.Null(SearchCommand.BuildRequest(command).Highlight);
    }

    [Fact]
    public void A_query_starting_with_a_dash_is_a_positional()
    {
        Assert.Equal("-draft", SearchCommand.BuildRequest(Parse("search", "-draft")).Query);
        Assert.Equal("--weird", SearchCommand.BuildRequest(Parse("search", "--", "--weird")).Query);
    }

    [Theory]
    [InlineData("--sort", "best")]
    [InlineData("--page-size", "0")]
    [InlineData("--page-size", "many")]
    [InlineData("--from", "last tuesday")]
    public void Bad_search_values_are_usage_errors(string option, string value)
    {
        var error = Assert.Throws<UsageException>(() => SearchCommand.BuildRequest(Parse("search", "x", option, value)));
        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_stats_and_delete_take_their_positionals()
    {
        Assert.Equal(["a1"], Parse("get", "a1", "--json").Positionals);
        Assert.Empty(Parse("stats").Positionals);
        Assert.Equal(["a1", "a2", "a3"], Parse("delete", "a1", "a2", "a3").Positionals);
        Assert.Throws<UsageException>(() => Parse("get"));
        Assert.Throws<UsageException>(() => Parse("get", "a", "b"));
        Assert.Throws<UsageException>(() => Parse("stats", "extra"));
        Assert.Throws<UsageException>(() => Parse("delete"));
    }

    [Fact]
    public void Serve_passes_every_following_argument_to_the_server()
    {
        ParsedCommand command = Parse("serve", "--urls", "http://127.0.0.1:5000", "--index-path", "idx");
        Assert.Equal(["--urls", "http://127.0.0.1:5000", "--index-path", "idx"], command.Positionals);
    }

    [Fact]
    public void Unknown_option_names_the_option_and_the_command()
    {
        var error = Assert.Throws<UsageException>(() => Parse("search", "x", "--colour"));
        Assert.Contains("--colour", error.Message, StringComparison.Ordinal);
        Assert.Equal("search", error.Command);
    }

    [Fact]
    public void Single_options_may_not_repeat_and_values_are_required()
    {
        Assert.Throws<UsageException>(() => Parse("search", "x", "--sort", "newest", "--sort", "oldest"));
        Assert.Throws<UsageException>(() => Parse("search", "x", "--page-size"));
        Assert.Throws<UsageException>(() => Parse("search", "x", "--json=yes"));
    }

    [Fact]
    public void Unknown_command_and_missing_command_are_usage_errors()
    {
        Assert.Throws<UsageException>(() => Parse("find", "x"));
        Assert.Throws<UsageException>(() => Parse());
    }

    [Fact]
    public void Server_and_api_key_come_from_options_then_environment_then_default()
    {
        Assert.Equal(GlobalOptions.DefaultServerUrl, Parse("stats").Global.ServerUrl);
        Assert.Null(Parse("stats").Global.ApiKey);

        Func<string, string?> environment = name => name switch
        {
            GlobalOptions.ServerVariable => "http://search.example:9000",
            GlobalOptions.ApiKeyVariable => "env-key",
            _ => null,
        };
        GlobalOptions fromEnvironment = ArgumentParser.Parse(["stats"], environment).Global;
        Assert.Equal("http://search.example:9000", fromEnvironment.ServerUrl);
        Assert.Equal("env-key", fromEnvironment.ApiKey);

        GlobalOptions fromOptions = ArgumentParser.Parse(["--server", "http://a:1", "stats", "--api-key", "k"], environment).Global;
        Assert.Equal("http://a:1", fromOptions.ServerUrl);
        Assert.Equal("k", fromOptions.ApiKey);
    }

    [Fact]
    public void Server_must_be_an_http_url()
    {
        Assert.Throws<UsageException>(() => Parse("--server", "localhost:50051", "stats"));
    }

    [Fact]
    public void Help_is_recognised_globally_and_per_command()
    {
        Assert.Equal(CommandCatalog.Help, Parse("--help").Name);
        Assert.Equal(CommandCatalog.Help, Parse("help", "search").Name);
        ParsedCommand command = Parse("ingest", "--help");
        Assert.Equal("ingest", command.Name);
        Assert.True(command.HelpRequested);
    }

    [Fact]
    public async Task Usage_errors_print_the_message_and_the_command_usage_and_exit_2()
    {
        var console = TestConsole.Create();
        int exitCode = await CliApp.RunAsync(["search", "x", "--colour", "red"], console.Console);

        Assert.Equal(ExitCodes.Failure, exitCode);
        string error = console.Error.ToString();
        Assert.Contains("unknown option '--colour' for 'search'", error, StringComparison.Ordinal);
        Assert.Contains("search search [QUERY]", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_command()
    {
        var console = TestConsole.Create();
        Assert.Equal(ExitCodes.Success, await CliApp.RunAsync(["help"], console.Console));
        string help = console.Out.ToString();
        foreach (string command in new[] { "serve", "ingest", "search", "get", "stats", "delete" })
        {
            Assert.Contains($"search {command}", help, StringComparison.Ordinal);
        }
    }
}
