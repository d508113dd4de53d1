using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Search.Cli.Arguments;
using Search.Contracts.V1;

namespace Search.Cli.Connection;

/// <summary>A channel to the server with the API key attached to every call, and the service clients.</summary>
internal sealed class ServerConnection : IDisposable
{
    public const string ApiKeyHeader = "x-api-key";

    private readonly GrpcChannel channel;

    public ServerConnection(GlobalOptions options)
    {
        Url = options.ServerUrl;
        // http:// addresses speak plain-text HTTP/2, which is what the server listens with by default.
        channel = GrpcChannel.ForAddress(options.ServerUrl);
        CallInvoker invoker = channel.CreateCallInvoker();
        if (options.ApiKey is { } apiKey)
        {
            invoker = invoker.Intercept(metadata =>
            {
                metadata.Add(ApiKeyHeader, apiKey);
                return metadata;
            });
        }
        Search = new SearchService.SearchServiceClient(invoker);
        Index = new IndexService.IndexServiceClient(invoker);
        Reindex = new ReindexService.ReindexServiceClient(invoker);
    }

    public string Url { get; }
    public SearchService.SearchServiceClient Search { get; }
    public IndexService.IndexServiceClient Index { get; }
    public ReindexService.ReindexServiceClient Reindex { get; }

    public void Dispose() => channel.Dispose();
}
