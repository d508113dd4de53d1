using Grpc.Core;
using Search.Core.Faceting;
using Search.Core.Querying;
using Search.Server.Mapping;
using Proto = Search.Contracts.V1;

namespace Search.Server.Services;

/// <summary>gRPC adapter for reads: maps, calls the engine's searcher, maps back.</summary>
internal sealed class SearchGrpcService(ArticleSearcher searcher, FacetValueSearcher facetValues, Hosting.SearchAdmission admission)
    : Proto.SearchService.SearchServiceBase
{
    public override async Task<Proto.SearchResponse> Search(Proto.SearchRequest request, ServerCallContext context)
    {
        // Lucene searches are synchronous; they run once admitted, and the cancellation token (deadline or
        // client gone) stops the collector.
        var query = request.ToCore();
        SearchResult result = await admission.RunAsync(() => searcher.Search(query, context.CancellationToken), context.CancellationToken);
        return result.ToProto();
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
