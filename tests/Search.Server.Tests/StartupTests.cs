using Search.Contracts.V1;
using Search.Server.Tests.Infrastructure;

namespace Search.Server.Tests;

/// <summary>What a client sees the moment a freshly seeded server has started.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Start_SeededEmptyIndex_SamplesSearchableAsSoonAsStarted()
    {
        // Repeat on fresh indexes: before the fix the seed became visible only after the next NRT refresh, so
        // a search straight after the start saw an empty or partial index most of the time.
        for (int round = 0; round < 2; round++)
        {
            using var root = new TempDirectory();
            await using var server = await SearchServer.StartAsync(Path.Combine(root.Path, "index"), SearchServerFixture.SamplesPath);

            var response = await server.Search.SearchAsync(new SearchRequest { PageSize = 1 });
            var stats = await server.Index.GetIndexStatsAsync(new GetIndexStatsRequest());

            Assert.Equal(SearchServerFixture.SampleCount, response.TotalHits);
            Assert.Equal(SearchServerFixture.SampleCount, stats.ArticleCount);
        }
    }
}
