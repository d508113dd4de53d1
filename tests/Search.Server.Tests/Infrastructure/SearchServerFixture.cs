using Grpc.Net.Client;
using Search.Contracts.V1;

namespace Search.Server.Tests.Infrastructure;

/// <summary>
/// A real server seeded with the sample articles in a fresh temp index, shared by the tests of one class.
/// Subclasses change the arguments (limits, no seed) for tests that need them.
/// </summary>
public class SearchServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _root = new();
    private SearchServer? _server;

    /// <summary>The sample articles copied next to the test binaries.</summary>
    public static string SamplesPath => Path.Combine(AppContext.BaseDirectory, "samples");

    /// <summary>Number of articles in samples/ (17 JSON lines and 9 text files).</summary>
    public const int SampleCount = 26;

    public string IndexPath => Path.Combine(_root.Path, "index");

    public SearchServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public GrpcChannel Channel => Server.Channel;

    public SearchService.SearchServiceClient Search => Server.Search;

    public IndexService.IndexServiceClient Index => Server.Index;

    /// <summary>Folder for tests that open further indexes; deleted with the fixture.</summary>
    public string ScratchPath(string name) => Path.Combine(_root.Path, name);

    protected virtual string SeedPath => SamplesPath;

    protected virtual string[] ExtraArgs => [];

    public async Task InitializeAsync() => _server = await SearchServer.StartAsync(IndexPath, SeedPath, ExtraArgs);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        _root.Dispose();
    }
}

/// <summary>An empty index with a small article size limit, for write tests that must not disturb the seeded one.</summary>
public sealed class SmallLimitServerFixture : SearchServerFixture
{
    public const int MaxArticleBytes = 2000;

    protected override string SeedPath => "";

    protected override string[] ExtraArgs => [$"--Search:Limits:MaxArticleBytes={MaxArticleBytes}"];
}
