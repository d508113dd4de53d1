using Google.Protobuf.WellKnownTypes;
using Search.Contracts.V1;

namespace Search.PeerDriver;

/// <summary>
/// What a searcher sends next, drawn from a seeded random source: a search page's usual requests in fixed
/// proportions (plain 30%, highlight 20%, facets 15%, filters 15%, newest first 10%, deep paging 10%).
/// </summary>
internal sealed class LoadRequestMix(LoadCorpus corpus)
{
    public const string Plain = "plain";
    public const string Highlight = "highlight";
    public const string Facets = "facets";
    public const string Filter = "filter";
    public const string Newest = "newest";
    public const string DeepPage = "deep_page";

    public static IReadOnlyList<string> Kinds { get; } = [Plain, Highlight, Facets, Filter, Newest, DeepPage];

    private static readonly (string Kind, int Weight)[] Weights =
        [(Plain, 30), (Highlight, 20), (Facets, 15), (Filter, 15), (Newest, 10), (DeepPage, 10)];

    public static string NextKind(Random random)
    {
        int roll = random.Next(100);
        foreach ((string kind, int weight) in Weights)
        {
            if (roll < weight)
            {
                return kind;
            }
            roll -= weight;
        }
        return Plain;
    }

    /// <summary>The first request of the kind; deep paging continues it with the page tokens it gets back.</summary>
    public SearchRequest Build(string kind, Random random)
    {
        var request = new SearchRequest { Query = kind == DeepPage ? Pick(corpus.BroadWords, random) : Query(random), PageSize = 10 };
        switch (kind)
        {
            case Highlight:
                request.Highlight = new HighlightOptions { FragmentSize = 100, MaxFragments = 3 };
                request.Highlight.Fields.Add("body");
                break;
            case Facets:
                request.Facets.Add(new FacetRequest { Field = "source", Limit = 10 });
                request.Facets.Add(new FacetRequest { Field = "organisation", Limit = 10 });
                break;
            case Filter:
                request.Filter = RandomFilter(random);
                break;
            case Newest:
                request.Sort = SortOrder.Newest;
                break;
            case Plain or DeepPage:
                break;
            default:
                throw new ArgumentException($"Unknown kind '{kind}'.");
        }
        return request;
    }

    /// <summary>One word (60%) or two required words (40%).</summary>
    private string Query(Random random) =>
        random.Next(10) < 6 ? Pick(corpus.Words, random) : Pick(corpus.Words, random) + " " + Pick(corpus.Words, random);

    /// <summary>Source, organisation or a date window of 1–8 weeks, alone or (one in four) with a second filter.</summary>
    private SearchFilter RandomFilter(Random random)
    {
        var filter = new SearchFilter();
        int first = random.Next(3);
        Add(filter, first, random);
        if (random.Next(4) == 0)
        {
            Add(filter, (first + 1 + random.Next(2)) % 3, random);
        }
        return filter;
    }

    private void Add(SearchFilter filter, int which, Random random)
    {
        if (which == 0 && corpus.Sources.Count > 0)
        {
            filter.Sources.Add(Pick(corpus.Sources, random));
        }
        else if (which == 1 && corpus.Organisations.Count > 0)
        {
            filter.Organisations.Add(Pick(corpus.Organisations, random));
        }
        else
        {
            double spanDays = Math.Max(1, (corpus.LastPublished - corpus.FirstPublished).TotalDays);
            DateTime from = corpus.FirstPublished.AddDays(random.NextDouble() * spanDays);
            filter.PublishedFrom = Timestamp.FromDateTime(from);
            filter.PublishedTo = Timestamp.FromDateTime(from.AddDays(7 * (1 + random.Next(8))));
        }
    }

    private static string Pick(IReadOnlyList<string> values, Random random) => values[random.Next(values.Count)];
}
