using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Search.Contracts.V1;
using Search.Server;

namespace Search.Server.Tests.Security;

/// <summary>The real server on Kestrel at 127.0.0.1 with a free port and a throw-away index, plus clients for it.</summary>
internal sealed class SecureServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string indexDir;

    private SecureServer(WebApplication app, string indexDir, string address, GrpcChannel channel)
    {
        this.app = app;
        this.indexDir = indexDir;
        Address = address;
        Channel = channel;
    }

    /// <summary>The address Kestrel bound, with the port it picked.</summary>
    public string Address { get; }

    public GrpcChannel Channel { get; }

    public SearchService.SearchServiceClient Search => new(Channel);

    public IndexService.IndexServiceClient Index => new(Channel);

    /// <summary>Starts a plain-text loopback server with <paramref name="settings"/> as extra command-line arguments.</summary>
    public static Task<SecureServer> StartAsync(params string[] settings) =>
        StartAsync(["--urls", "http://127.0.0.1:0", .. settings], handler: null);

    /// <summary>Starts a server with exactly <paramref name="args"/> (plus a temp index), connecting through <paramref name="handler"/>.</summary>
    public static async Task<SecureServer> StartAsync(string[] args, HttpMessageHandler? handler)
    {
        string dir = NewTempDir();
        var app = SearchServerApp.Build([.. args, "--index-path", dir, "--seed-path", ""]);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            Directory.Delete(dir, recursive: true);
            throw;
        }
        string address = app.Urls.First();
        var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler });
        return new SecureServer(app, dir, address, channel);
    }

    public static string NewTempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "search-security-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static Metadata ApiKey(string key) => new() { { "x-api-key", key } };

    public static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };

    public static IndexArticlesRequest OneArticle() =>
        new() { Articles = { new Article { Id = "sec-1", Title = "Security test", Body = "Body text", Source = "Test" } } };

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        try
        {
            Directory.Delete(indexDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the index only leaves litter in the temp folder.
        }
    }
}
