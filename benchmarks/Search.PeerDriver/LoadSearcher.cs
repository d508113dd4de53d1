using System.Diagnostics;
using Grpc.Core;
using Search.Contracts.V1;

namespace Search.PeerDriver;

/// <summary>
/// One simulated user: sends the next request of the mix as soon as the previous one answered, until the run
/// stops. A deep-paging session follows next_page_token for 5–20 pages; each page is one timed request.
/// </summary>
internal sealed class LoadSearcher(SearchService.SearchServiceClient client, LoadRequestMix mix, LoadRecorder recorder, TimeSpan deadline, int seed)
{
    public int DeepSessions { get; private set; }

    public int DeepPagesRequested { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        var random = new Random(seed);
        while (!stop.IsCancellationRequested)
        {
            string kind = LoadRequestMix.NextKind(random);
            SearchRequest request = mix.Build(kind, random);
            int pages = 1;
            if (kind == LoadRequestMix.DeepPage)
            {
                pages = 5 + random.Next(16);
                DeepSessions++;
                DeepPagesRequested += pages;
            }
            for (int page = 0; page < pages && !stop.IsCancellationRequested; page++)
            {
                SearchResponse? response = await SearchAsync(kind, request);
                if (response is null || response.NextPageToken.Length == 0)
                {
                    break;
                }
                request.PageToken = response.NextPageToken;
            }
        }
    }

    /// <summary>In-flight requests are never cancelled by the stop signal: each one finishes or hits its own deadline.</summary>
    private async Task<SearchResponse?> SearchAsync(string kind, SearchRequest request)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            SearchResponse response = await client.SearchAsync(request, deadline: DateTime.UtcNow.Add(deadline));
            recorder.Success(kind, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            return response;
        }
        catch (RpcException error)
        {
            recorder.Failure(kind, error);
            return null;
        }
    }
}
