using System.Diagnostics;
using Grpc.Core;
using Search.Contracts.V1;
using Search.Server.Tests.Infrastructure;

namespace Search.Server.Tests.Hardening;

/// <summary>Deadlines and cancellation stop the server's work, not only the client's wait.</summary>
[Collection(SerialCollection.Name)]
public sealed class DeadlineTests(LargeIndexFixture fixture) : IClassFixture<LargeIndexFixture>
{
    private static readonly StatusCode[] Stopped = [StatusCode.DeadlineExceeded, StatusCode.Cancelled];

    [Fact]
    public async Task Search_SlowQueryWithTinyDeadline_DeadlineExceededOrCancelled()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            fixture.Server.Search.SearchAsync(SlowQuery(), deadline: DateTime.UtcNow.AddMilliseconds(5)).ResponseAsync);

        Assert.Contains(ex.StatusCode, Stopped);
        // The server is not left stuck: a query without a deadline completes.
        var full = await fixture.Server.Search.SearchAsync(new SearchRequest { Query = LargeIndexFixture.Word(3) + " OR " + LargeIndexFixture.Word(4) });
        Assert.True(full.TotalHits > 0);
    }

    [Fact]
    public async Task Search_ManySlowCallsCancelled_ServerCpuSettlesAfterwards()
    {
        await WaitForQuietAsync();
        TimeSpan baseline = await CpuOverAsync(TimeSpan.FromSeconds(1));

        // Enough abandoned work to keep both cores busy for seconds if the server ignored the cancellations.
        using var cancel = new CancellationTokenSource();
        var calls = Enumerable.Range(0, 40).Select(i => Outcome(fixture.Server.Search.SearchAsync(SlowQuery(),
            deadline: i % 2 == 0 ? DateTime.UtcNow.AddMilliseconds(100) : null, cancellationToken: cancel.Token).ResponseAsync)).ToList();
        await Task.Delay(100);
        await cancel.CancelAsync();
        StatusCode[] outcomes = await Task.WhenAll(calls);
        // Wait on the condition, not the clock: a search notices cancellation between clause rewrites, between
        // the terms whose weights it builds, at segments and every 1024 collected documents, so the server
        // settles quickly once the calls are gone. Ignored cancellations would keep both cores busy for
        // tens of seconds (40 calls of 2–3 s each), far past the 10 s allowed here.
        var settling = Stopwatch.StartNew();
        TimeSpan cpu;
        do
        {
            cpu = await CpuOverAsync(TimeSpan.FromMilliseconds(500));
        }
        while (cpu >= TimeSpan.FromSeconds(0.25) && settling.Elapsed < TimeSpan.FromSeconds(10));

        Assert.All(outcomes, code => Assert.True(code is StatusCode.OK or StatusCode.DeadlineExceeded or StatusCode.Cancelled, code.ToString()));
        // Loose bound: a busy half second on two cores is up to 1 s of CPU; stopped work leaves almost none.
        Assert.True(cpu < TimeSpan.FromSeconds(0.25),
            $"the process still used {cpu.TotalSeconds:0.00} s of CPU per half second 10 s after the cancellations (idle baseline {baseline.TotalSeconds:0.00} s per second)");
        var normal = await fixture.Server.Search.SearchAsync(new SearchRequest { Query = LargeIndexFixture.Word(1) });
        Assert.True(normal.TotalHits > 0);
    }

    [Fact]
    public async Task Search_MinGenerationFarInFuture_DeadlineExceededWithMessage()
    {
        var request = new SearchRequest { Query = LargeIndexFixture.Word(2), MinGeneration = long.MaxValue / 2 };

        await GrpcAssert.FailsAsync(StatusCode.DeadlineExceeded, () => fixture.Server.Search.SearchAsync(request).ResponseAsync, "min_generation");
    }

    [Fact]
    public async Task GetArticle_MinGenerationFarInFuture_DeadlineExceededWithMessage()
    {
        var request = new GetArticleRequest { Id = "syn-1", MinGeneration = long.MaxValue / 2 };

        await GrpcAssert.FailsAsync(StatusCode.DeadlineExceeded, () => fixture.Server.Search.GetArticleAsync(request).ResponseAsync, "min_generation");
    }

    /// <summary>Hundreds of OR-ed words (some fuzzy) over every article, with every facet and highlighting.</summary>
    private static SearchRequest SlowQuery()
    {
        var words = Enumerable.Range(0, 300).Select(i => i % 10 == 0 ? LargeIndexFixture.Word(i) + "~1" : LargeIndexFixture.Word(i));
        var request = new SearchRequest { Query = string.Join(" OR ", words), PageSize = 100, Highlight = new HighlightOptions() };
        foreach (string field in (string[])["source", "organisation", "tag", "author", "published"])
        {
            request.Facets.Add(new FacetRequest { Field = field, Limit = 1000 });
        }
        return request;
    }

    private static async Task<StatusCode> Outcome(Task call)
    {
        try
        {
            await call;
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    /// <summary>Waits (bounded) until background work such as merges after the bulk load has settled.</summary>
    private static async Task WaitForQuietAsync()
    {
        for (int attempt = 0; attempt < 40; attempt++)
        {
            if (await CpuOverAsync(TimeSpan.FromMilliseconds(250)) < TimeSpan.FromMilliseconds(50))
            {
                return;
            }
        }
    }

    private static async Task<TimeSpan> CpuOverAsync(TimeSpan window)
    {
        using var process = Process.GetCurrentProcess();
        TimeSpan before = process.TotalProcessorTime;
        await Task.Delay(window);
        process.Refresh();
        return process.TotalProcessorTime - before;
    }
}
