using System.Threading.Channels;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Search.Core.Indexing;
using Search.Server.Mapping;
using Proto = Search.Contracts.V1;

namespace Search.Server.Services;

/// <summary>gRPC adapter for writes: maps, calls the engine's writer, maps back.</summary>
internal sealed class IndexGrpcService(
    ArticleWriter writer, IndexHost indexes, Core.Organisations.IOrganisationExtractor organisations, IHostApplicationLifetime lifetime)
    : Proto.IndexService.IndexServiceBase
{
    /// <summary>Batches of one stream being committed at once; bounds memory while keeping commits grouped.</summary>
    private const int StreamPipelineDepth = 8;

    public override async Task<Proto.IndexArticlesResponse> IndexArticles(Proto.IndexArticlesRequest request, ServerCallContext context)
    {
        var (articles, rejected) = MapBatch(request);
        var (result, durable) = writer.Write(articles, rejected);
        await durable;
        return ToProto(result);
    }

    public override async Task IndexArticleStream(
        IAsyncStreamReader<Proto.IndexArticlesRequest> requestStream,
        IServerStreamWriter<Proto.IndexArticlesResponse> responseStream,
        ServerCallContext context)
    {
        // Batches are written as they arrive; responses go out in order, each once its batch is durable.
        var pending = Channel.CreateBounded<(IndexBatchResult Result, Task Durable)>(StreamPipelineDepth);
        Task responder = RespondInOrderAsync(pending.Reader, responseStream);
        // A shutdown stops taking new batches, so an endless ingest stream cannot hold the stop until its timeout;
        // batches already written are still answered below.
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        bool stoppedByShutdown = false;
        try
        {
            await foreach (var request in requestStream.ReadAllAsync(reading.Token))
            {
                var (articles, rejected) = MapBatch(request);
                await pending.Writer.WriteAsync(writer.Write(articles, rejected), reading.Token);
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            stoppedByShutdown = true;
        }
        finally
        {
            pending.Writer.TryComplete();
        }
        await responder;
        if (stoppedByShutdown)
        {
            throw new RpcException(new Status(StatusCode.Unavailable,
                "The server is shutting down; batches sent after the last response were not indexed. Resend them to another server or after the restart."));
        }
    }

    private static async Task RespondInOrderAsync(ChannelReader<(IndexBatchResult Result, Task Durable)> pending, IServerStreamWriter<Proto.IndexArticlesResponse> responses)
    {
        await foreach (var (result, durable) in pending.ReadAllAsync())
        {
            await durable;
            await responses.WriteAsync(ToProto(result));
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
