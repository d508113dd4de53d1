using System.Net;
using System.Net.Sockets;

namespace Search.Cli.Tests;

public class ConnectionErrorTests
{
    /// <summary>A port that was free a moment ago, so nothing answers there.</summary>
    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Theory]
    [InlineData("stats")]
    [InlineData("ingest")]
    public async Task An_unreachable_server_is_explained_and_exits_2(string command)
    {
        string url = $"http://127.0.0.1:{UnusedPort()}";
        string[] args = command == "ingest"
            ? ["--server", url, "ingest", Path.Combine(AppContext.BaseDirectory, "TestData", "broken")]
            : ["--server", url, command];
        var console = TestConsole.Create();

        Assert.Equal(ExitCodes.Failure, await CliApp.RunAsync(args, console.Console));
        Assert.Contains($"cannot reach the server at {url}", console.Error.ToString(), StringComparison.Ordinal);
    }
}
