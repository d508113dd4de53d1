using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Search.Cli.Arguments;
using Search.Cli.Connection;
using Search.Cli.Rendering;
using Search.Contracts.V1;

namespace Search.Cli.Commands;

/// <summary><c>search "query" [filters] [--facets ...]</c>: runs a query and prints hits, highlights and facets.</summary>
internal sealed class SearchCommand(SearchRequest request, bool json, ServerConnection connection, CliConsole console)
{
    public static SearchCommand From(ParsedCommand command, ServerConnection connection, CliConsole console) =>
        new(BuildRequest(command), command.Has("--json"), connection, console);

    public static SearchRequest BuildRequest(ParsedCommand command)
    {
        var filter = new SearchFilter();
        filter.Sources.AddRange(command.All("--source"));
        filter.Organisations.AddRange(command.All("--org"));
        filter.Tags.AddRange(command.All("--tag"));
        filter.Authors.AddRange(command.All("--author"));
        if (OptionValues.Date(command, "--from", endOfDay: false) is { } from)
        {
            filter.PublishedFrom = Timestamp.FromDateTimeOffset(from);
        }
        if (OptionValues.Date(command, "--to", endOfDay: true) is { } to)
        {
            filter.PublishedTo = Timestamp.FromDateTimeOffset(to);
        }

        var request = new SearchRequest
        {
            Query = command.Positionals.Count > 0 ? command.Positionals[0] : "",
            Filter = filter,
            PageSize = OptionValues.Integer(command, "--page-size", 1, 100) ?? 0,
            PageToken = command.Value("--page-token") ?? "",
            Sort = ParseSort(command),
            MinGeneration = OptionValues.MinGeneration(command),
        };
        // The server caps the limit itself; here only nonsense (0, negative) is refused.
        int facetLimit = OptionValues.Integer(command, "--facet-limit", 1, int.MaxValue) ?? 0;
        request.Facets.AddRange(OptionValues.List(command, "--facets").Select(field => new FacetRequest { Field = field, Limit = facetLimit }));
        if (!command.Has("--no-highlight"))
        {
            request.Highlight = new HighlightOptions { PreTag = TerminalHighlightRenderer.PreTag, PostTag = TerminalHighlightRenderer.PostTag };
        }
        return request;
    }

    private static SortOrder ParseSort(ParsedCommand command) => command.Value("--sort") switch
    {
        null or "relevance" => SortOrder.Relevance,
        "newest" => SortOrder.Newest,
        "oldest" => SortOrder.Oldest,
        var other => throw new UsageException($"option '--sort' must be relevance, newest or oldest, got '{other}'", command.Name),
    };

    public async Task<int> RunAsync(CancellationToken cancellation)
    {
        SearchResponse response = await connection.Search.SearchAsync(request, cancellationToken: cancellation);
        if (json)
        {
            JsonOutput.Write(console.Out, response);
            return ExitCodes.Success;
        }
        var renderer = TerminalHighlightRenderer.For(console);
        TextWriter output = console.Out;
        output.WriteLine(response.TotalHits == 1 ? "1 hit" : string.Create(CultureInfo.InvariantCulture, $"{response.TotalHits:N0} hits"));
        for (int i = 0; i < response.Hits.Count; i++)
        {
            output.WriteLine();
            WriteHit(output, response.Hits[i], i + 1, renderer);
        }
        WriteFacets(output, response.Facets);
        if (response.NextPageToken.Length > 0)
        {
            output.WriteLine();
            output.WriteLine($"next page: --page-token {response.NextPageToken}");
        }
        return ExitCodes.Success;
    }

    private static void WriteHit(TextWriter output, Hit hit, int number, TerminalHighlightRenderer renderer)
    {
        Article article = hit.Article ?? new Article();
        FieldHighlight? title = hit.Highlights.FirstOrDefault(h => h.Field == "title" && h.Fragments.Count > 0);
        string titleText = title is null ? TerminalText.SingleLine(article.Title) : renderer.Render(title.Fragments[0].Text);
        output.WriteLine($"{number}. {(titleText.Length > 0 ? titleText : "(no title)")}");
        output.WriteLine("   " + MetaLine(article));
        foreach (FieldHighlight body in hit.Highlights.Where(h => h.Field != "title"))
        {
            foreach (Fragment fragment in body.Fragments)
            {
                output.WriteLine($"   … {renderer.Render(fragment.Text).Trim()} …");
            }
        }
    }

    /// <summary>source · author · date · id, leaving out what the article does not have.</summary>
    public static string MetaLine(Article article)
    {
        string date = article.Published is null
            ? ""
            : article.Published.ToDateTimeOffset().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var parts = new[] { article.Source, article.Author, date, article.Id }
            .Select(TerminalText.SingleLine)
            .Where(part => part.Length > 0);
        return string.Join(" · ", parts);
    }

    private static void WriteFacets(TextWriter output, IEnumerable<FacetResult> facets)
    {
        foreach (FacetResult facet in facets)
        {
            output.WriteLine();
            output.WriteLine($"{facet.Field}:");
            if (facet.Values.Count == 0)
            {
                output.WriteLine("  (none)");
                continue;
            }
            TableWriter.Write(output, facet.Values
                .Select(value => (TerminalText.SingleLine(value.Value), value.Count.ToString(CultureInfo.InvariantCulture)))
                .ToList(), indent: "  ");
        }
    }
}
