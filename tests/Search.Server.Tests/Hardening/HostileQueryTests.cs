using System.Text.RegularExpressions;
using Grpc.Core;
using Search.Contracts.V1;
using Search.Server.Tests.Infrastructure;

namespace Search.Server.Tests.Hardening;

/// <summary>
/// Seeded fuzzing of the query and page-token inputs over gRPC: a hostile string may be refused, but never with
/// INTERNAL or UNKNOWN, and the server keeps answering.
/// </summary>
public sealed partial class HostileQueryTests(SearchServerFixture fixture) : IClassFixture<SearchServerFixture>
{
    private const int Seed = 424242;
    private const int QueryCount = 2500;

    [Fact]
    public async Task Search_GeneratedHostileQueries_OnlyOkInvalidArgumentOrResourceExhausted()
    {
        var generator = new HostileQueryGenerator(Seed);
        var queries = Enumerable.Range(0, QueryCount).Select(_ => generator.Next()).ToList();
        // A 100 KB query, far past MaxQueryLength.
        queries.Add(string.Concat(Enumerable.Repeat("security ", 100 * 1024 / 9)));
        var failures = new List<string>();
        int refused = 0;
        foreach (string query in queries)
        {
            var request = new SearchRequest { Query = query, PageSize = 5, Highlight = new HighlightOptions() };
            request.Facets.Add(new FacetRequest { Field = "source" });
            var (wasRefused, problem) = await OutcomeAsync(() => fixture.Search.SearchAsync(request).ResponseAsync, query);
            if (problem is not null)
            {
                failures.Add(problem);
            }
            refused += wasRefused ? 1 : 0;
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {queries.Count} queries (seed {Seed}) got a bad answer:\n" + string.Join("\n", failures.DistinctBy(f => f[(f.IndexOf("]:", StringComparison.Ordinal) + 2)..].Split('\'')[0]).Take(30)));
        // The generator must actually hit the parser's error paths, or this test proves little.
        Assert.True(refused > QueryCount / 10, $"only {refused} queries were refused");
        var normal = await fixture.Search.SearchAsync(new SearchRequest { Query = "security" });
        Assert.True(normal.TotalHits > 0);
    }

    [Theory]
    [InlineData("security *ware", "at column 10: a word may not start")]
    [InlineData("security malwa~1.5", "at column 15: the edit distance after ~")]
    [InlineData("security nosuch:x", "at column 10: Unknown field 'nosuch'")]
    public async Task Search_RuleRefusal_InvalidArgumentWithColumn(string query, string expected)
    {
        await GrpcAssert.FailsAsync(StatusCode.InvalidArgument,
            () => fixture.Search.SearchAsync(new SearchRequest { Query = query }).ResponseAsync, expected);
    }

    [Fact]
    public async Task Search_HundredKilobyteQuery_InvalidArgumentNamingMaxQueryLength()
    {
        string query = new('a', 100 * 1024);

        await GrpcAssert.FailsAsync(StatusCode.InvalidArgument,
            () => fixture.Search.SearchAsync(new SearchRequest { Query = query }).ResponseAsync, "MaxQueryLength");
    }

    [Fact]
    public async Task Search_RandomPageTokens_InvalidArgumentOnly()
    {
        var generator = new HostileQueryGenerator(Seed + 1);
        var failures = new List<string>();
        for (int i = 0; i < 300; i++)
        {
            string token = generator.NextPageToken();
            try
            {
                await fixture.Search.SearchAsync(new SearchRequest { Query = "security", PageToken = token });
                failures.Add($"'{token}': accepted");
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument && ex.Status.Detail.Contains("page_token", StringComparison.Ordinal))
            {
            }
            catch (RpcException ex)
            {
                failures.Add($"'{token}': {ex.StatusCode} {ex.Status.Detail}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    /// <summary>Whether the call was refused, and what was wrong with the outcome (null when acceptable).</summary>
    private static async Task<(bool Refused, string? Problem)> OutcomeAsync(Func<Task<SearchResponse>> call, string query)
    {
        try
        {
            await call();
            return (false, null);
        }
        catch (RpcException ex)
        {
            string shown = Show(query);
            return (true, ex.StatusCode switch
            {
                StatusCode.ResourceExhausted when ex.Status.Detail.Contains("Search:Limits:", StringComparison.Ordinal) => null,
                StatusCode.InvalidArgument when ExplainsItself(ex.Status.Detail) => null,
                StatusCode.InvalidArgument or StatusCode.ResourceExhausted => $"{shown}: {ex.StatusCode} without position or limit: {ex.Status.Detail}",
                _ => $"{shown}: {ex.StatusCode} {ex.Status.Detail}",
            });
        }
    }

    /// <summary>A refusal of the query text says where (column); one about the whole query names the limit.</summary>
    private static bool ExplainsItself(string detail) =>
        ColumnPattern().IsMatch(detail) || detail.Contains("Search:Limits:", StringComparison.Ordinal);

    private static string Show(string query)
    {
        string escaped = string.Concat(query.Take(80).Select(c => c < 0x20 || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return "[" + escaped + (query.Length > 80 ? "…" : "") + "]";
    }

    [GeneratedRegex(@"column \d+")]
    private static partial Regex ColumnPattern();
}
