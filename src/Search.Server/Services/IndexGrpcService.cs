using System.Runtime.CompilerServices;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Search.Core.Indexing;
using Search.Server.Mapping;
using Proto = Search.Contracts.V1;

namespace Search.Server.Services;

/// <summary>gRPC adapter for writes: maps, calls the engine's writer, maps back.</summary>
internal sealed class IndexGrpcService(
    ArticleWriter writer, ArticleStreamWriter streams, IndexHost indexes, Core.Organisations.IOrganisationExtractor organisations, IHostApplicationLifetime lifetime)
    : Proto.IndexService.IndexServiceBase
{
    public override async Task<Proto.IndexArticlesResponse> IndexArticles(Proto.IndexArticlesRequest request, ServerCallContext context)
    {
        var (articles, rejected) = MapBatch(request);
        var (result, durable) = writer.Write(articles, rejected);
        await durable;
        return ToProto(result);
    }

    public override Task IndexArticleStream(
        IAsyncStreamReader<Proto.IndexArticlesRequest> requestStream,
        IServerStreamWriter<Proto.IndexArticlesResponse> responseStream,
        ServerCallContext context) =>
        streams.WriteAsync(ReadBatchesAsync(requestStream), result => responseStream.WriteAsync(ToProto(result)),
            lifetime.ApplicationStopping, context.CancellationToken);

    private static async IAsyncEnumerable<ArticleBatch> ReadBatchesAsync(
        IAsyncStreamReader<Proto.IndexArticlesRequest> requests, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        while (await requests.MoveNext(cancellation))
        {
            var (articles, rejected) = MapBatch(requests.Current);
            yield return new ArticleBatch(articles, rejected);
        }
    }

    public override async Task<Proto.DeleteArticlesResponse> DeleteArticles(Proto.DeleteArticlesRequest request, ServerCallContext context)
    {
        var (deleted, generation) = await writer.DeleteAsync(request.Ids.Select(id => id.Trim()).ToList(), context.CancellationToken);
        return new Proto.DeleteArticlesResponse { Deleted = deleted, Generation = generation };
    }

    public override Task<Proto.IndexStats> GetIndexStats(Proto.GetIndexStatsRequest request, ServerCallContext context)
    {
        ArticleIndex index = indexes.Current;
        IndexSnapshotStats stats = index.GetStats();
        var response = new Proto.IndexStats
        {
            ArticleCount = stats.ArticleCount,
            DeletedCount = stats.DeletedCount,
            SizeBytes = stats.SizeBytes,
            SegmentCount = stats.SegmentCount,
            LastCommit = stats.LastCommit is { } commit ? Timestamp.FromDateTimeOffset(commit) : null,
            Generation = index.AcknowledgedGeneration,
            SearchableGeneration = index.SearchableGeneration,
            IndexPath = index.Path,
            GazetteerVersion = organisations.GazetteerVersion,
            Merging = index.Merging,
        };
        foreach (var (version, count) in stats.ArticlesByGazetteerVersion)
        {
            response.ArticlesByGazetteerVersion[version] = count;
        }
        return Task.FromResult(response);
    }

    /// <summary>Maps each article on its own, so one bad value rejects that article and not the batch.</summary>
    private static (List<Core.Model.Article> Articles, Dictionary<int, string>? Rejected) MapBatch(Proto.IndexArticlesRequest request)
    {
        var articles = new List<Core.Model.Article>(request.Articles.Count);
        Dictionary<int, string>? rejected = null;
        for (int i = 0; i < request.Articles.Count; i++)
        {
            try
            {
                articles.Add(request.Articles[i].ToCore());
            }
            catch (Core.SearchRequestException ex)
            {
                articles.Add(new Core.Model.Article { Id = request.Articles[i].Id });
                (rejected ??= [])[i] = "published: " + ex.Message;
            }
        }
        return (articles, rejected);
    }

    private static Proto.IndexArticlesResponse ToProto(IndexBatchResult result)
    {
        var response = new Proto.IndexArticlesResponse { Indexed = result.Indexed, Failed = result.Failed, Generation = result.Generation };
        response.Errors.AddRange(result.Errors.Select(e => new Proto.ArticleError { Id = e.Id, Index = e.Index, Message = e.Message }));
        return response;
    }
}
