using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Search.PeerDriver;

/// <summary>
/// The real Search server as a child process on a free loopback port, with its own fresh or reused index.
/// Stopped with SIGTERM (so the host closes the index cleanly) and killed if it does not exit in time.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly Process process;
    private readonly StreamWriter log;
    private int disposed;

    private ServerProcess(Process process, StreamWriter log, Uri address)
    {
        this.process = process;
        this.log = log;
        Address = address;
        Channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = null });
    }

    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    /// <summary>Process id of the server (<c>dotnet Search.Server.dll</c> runs the server in this process).</summary>
    public int ProcessId => process.Id;

    public static ServerProcess Start(string serverDll, string indexPath, string logPath)
    {
        int port = FreeLoopbackPort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(indexPath)!,
        };
        foreach (string arg in new[] { serverDll, "--urls", address.ToString().TrimEnd('/'), "--index-path", indexPath, "--seed-path", "" })
        {
            start.ArgumentList.Add(arg);
        }
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => WriteLog(log, e.Data);
        process.ErrorDataReceived += (_, e) => WriteLog(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, log, address);
    }

    /// <summary>Polls the standard gRPC health service until the index reports SERVING.</summary>
    public async Task WaitServingAsync()
    {
        var health = new Health.HealthClient(Channel);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {process.ExitCode} before it was SERVING.");
            }
            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (RpcException)
            {
                // Not listening yet; keep polling.
            }
            if (clock.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"The server at {Address} was not SERVING after {StartTimeout.TotalSeconds} s.");
            }
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }
        try
        {
            if (!process.HasExited)
            {
                using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                {
                    term.WaitForExit();
                }
                if (!process.WaitForExit(15_000))
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(5_000);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        Channel.Dispose();
        process.Dispose();
        lock (log)
        {
            log.Dispose();
        }
    }

    private static void WriteLog(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // Output after shutdown is dropped.
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
