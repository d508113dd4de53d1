using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Search.Server;

namespace Search.Cli.Tests;

/// <summary>
/// The real server on Kestrel at a free port, with an empty index in a temporary directory; extra arguments
/// change its configuration.
/// </summary>
public sealed class InProcessServer(params string[] extraArgs) : IAsyncLifetime
{
    private readonly string indexDirectory = Path.Combine(Path.GetTempPath(), "search-cli-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? app;

    public string Url { get; private set; } = "";

    public async Task InitializeAsync()
    {
        app = SearchServerApp.Build(["--urls", "http://127.0.0.1:0", "--index-path", indexDirectory, "--seed-path", "", .. extraArgs]);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        Url = addresses!.Addresses.First();
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        if (Directory.Exists(indexDirectory))
        {
            Directory.Delete(indexDirectory, recursive: true);
        }
    }
}
