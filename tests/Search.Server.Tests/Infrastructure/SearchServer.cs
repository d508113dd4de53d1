using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Search.Contracts.V1;

namespace Search.Server.Tests.Infrastructure;

/// <summary>
/// One running instance of the real server on Kestrel (127.0.0.1, a free port) with a gRPC channel to it.
/// Disposing stops the server (which commits and closes the index) and the channel; the index folder is left
/// to its owner so a test can start another server on it.
/// </summary>
public sealed class SearchServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private SearchServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Channel = GrpcChannel.ForAddress(address);
        Search = new SearchService.SearchServiceClient(Channel);
        Index = new IndexService.IndexServiceClient(Channel);
    }

    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    public SearchService.SearchServiceClient Search { get; }

    public IndexService.IndexServiceClient Index { get; }

    /// <summary>Starts a server on <paramref name="indexPath"/>, seeding from <paramref name="seedPath"/> ("" for none).</summary>
    public static async Task<SearchServer> StartAsync(string indexPath, string seedPath, params string[] extraArgs)
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--index-path", indexPath,
            "--seed-path", seedPath,
            // Keep test output readable; errors still show.
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ];
        WebApplication app = SearchServerApp.Build(args);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        // Port 0 makes Kestrel pick a free port; the bound address is only known after the start.
        string bound = app.Urls.Single();
        return new SearchServer(app, new Uri(bound));
    }

    /// <summary>
    /// Stops the host while the client side stays open, as an operator's shutdown does to clients mid-call;
    /// <see cref="StopAsync"/> still has to be called to release everything.
    /// </summary>
    public Task StopHostAsync() => _app.StopAsync();

    /// <summary>Stops the server gracefully: drains requests, commits and releases the index lock.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
