using Grpc.Core;
using Search.Core.Faceting;
using Search.Core.Querying;
using Search.Server.Mapping;
using Proto = Search.Contracts.V1;

namespace Search.Server.Services;

/// <summary>gRPC adapter for reads: maps, calls the engine's searcher, maps back.</summary>
internal sealed class SearchGrpcService(ArticleSearcher searcher, FacetValueSearcher facetValues) : Proto.SearchService.SearchServiceBase
{
    public override Task<Proto.SearchResponse> Search(Proto.SearchRequest request, ServerCallContext context)
    {
        // Lucene searches are synchronous; running them on the pool thread keeps the adapter simple and lets
        // the cancellation token (deadline or client gone) stop the collector.
        SearchResult result = searcher.Search(request.ToCore(), context.CancellationToken);
        return Task.FromResult(result.ToProto());
    }

    public override Task<Proto.Article> GetArticle(Proto.GetArticleRequest request, ServerCallContext context)
    {
        var article = searcher.GetArticle(request.Id.Trim(), request.MinGeneration, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"No article has id '{Truncate(request.Id)}'."));
        return Task.FromResult(article.ToProto());
    }

    public override Task<Proto.SearchFacetValuesResponse> SearchFacetValues(Proto.SearchFacetValuesRequest request, ServerCallContext context)
    {
        var matches = facetValues.Search(
            new FacetValueQuery(request.Field, request.Prefix, request.Query, request.Filter.ToCore(), request.Limit),
            context.CancellationToken);
        var response = new Proto.SearchFacetValuesResponse();
        response.Values.AddRange(matches.Select(m => new Proto.FacetValueMatch { Value = m.Value, Count = m.Count, MatchedAlias = m.MatchedAlias }));
        return Task.FromResult(response);
    }

    private static string Truncate(string id) => id.Length <= 200 ? id : id[..200] + "…";
}
