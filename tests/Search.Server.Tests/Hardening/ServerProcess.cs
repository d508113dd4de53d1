using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;
using Search.Contracts.V1;

namespace Search.Server.Tests.Hardening;

/// <summary>
/// The real server as a child process (the built Search.Server.dll from the test output folder), so a test can
/// kill it with SIGKILL mid-write, which an in-process server cannot survive.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Channel = GrpcChannel.ForAddress(address);
        Search = new SearchService.SearchServiceClient(Channel);
        Index = new IndexService.IndexServiceClient(Channel);
    }

    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    public SearchService.SearchServiceClient Search { get; }

    public IndexService.IndexServiceClient Index { get; }

    /// <summary>Starts the server on <paramref name="indexPath"/> without seed and waits until it answers.</summary>
    public static async Task<ServerProcess> StartAsync(string indexPath, params string[] extraArgs)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "Search.Server.dll");
        Assert.True(File.Exists(dll), "Search.Server.dll is not next to the test assembly");
        int port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (string arg in (string[])[dll, "--urls", $"http://127.0.0.1:{port}", "--index-path", indexPath, "--seed-path", "",
                     "--Logging:LogLevel:Default=Warning", .. extraArgs])
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        // Unread pipes fill up and block the child; the output is only useful when a start fails.
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
        await server.WaitUntilServingAsync(output);
        return server;
    }

    /// <summary>SIGKILL on Linux: no shutdown hook, no final commit.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process.WaitForExitAsync(timeout.Token);
        Channel.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilServingAsync(System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}: {string.Join("\n", output)}");
            }
            try
            {
                await Index.GetIndexStatsAsync(new GetIndexStatsRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                return;
            }
            catch (RpcException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(50);
            }
        }
    }

    private static void Keep(System.Collections.Concurrent.ConcurrentQueue<string> output, string? line)
    {
        if (line is not null && output.Count < 200)
        {
            output.Enqueue(line);
        }
    }

    /// <summary>A port free right now; the child binds it a moment later (another process taking it meanwhile is rare).</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
