using System.Runtime.InteropServices;
using Search.Contracts.V1;

namespace Search.PeerDriver;

/// <summary>
/// A started server with the corpus in its index: fresh (ingested now, timed) or reused from an earlier run
/// (<c>--skip-build</c>). Disposing stops the server; so does SIGTERM/SIGINT (the harness's timeout, Ctrl-C).
/// </summary>
internal sealed class ServerSession : IDisposable
{
    private readonly List<PosixSignalRegistration> signals = [];

    private ServerSession(ServerProcess server) => Server = server;

    public ServerProcess Server { get; }

    /// <summary>Null when the index was reused.</summary>
    public IngestOutcome? Ingest { get; private set; }

    public IndexStats Stats { get; private set; } = new();

    /// <summary>Seconds from the last acknowledged batch (or from start, with --skip-build) until the index settled.</summary>
    public double SettleSeconds { get; private set; }

    /// <param name="corpus">Batches to ingest instead of the whole <c>--articles</c> file (the load run ingests half).</param>
    public static async Task<ServerSession> StartAsync(DriverArguments args, bool skipBuild, IEnumerable<List<Article>>? corpus = null)
    {
        string workdir = Path.GetFullPath(args.Required("workdir"));
        string indexPath = Path.Combine(workdir, "index");
        Directory.CreateDirectory(workdir);
        if (!skipBuild && Directory.Exists(indexPath))
        {
            Directory.Delete(indexPath, recursive: true);
        }
        if (skipBuild && !Directory.Exists(indexPath))
        {
            throw new InvalidOperationException($"--skip-build, but there is no index at {indexPath}.");
        }
        string serverDll = Path.GetFullPath(args.Required("server-dll"));
        var session = new ServerSession(ServerProcess.Start(serverDll, indexPath, Path.Combine(workdir, "server.log")));
        try
        {
            foreach (PosixSignal signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT })
            {
                session.signals.Add(PosixSignalRegistration.Create(signal, _ => session.Server.Dispose()));
            }
            await session.Server.WaitServingAsync();
            long generation = 0;
            if (!skipBuild)
            {
                session.Ingest = corpus is null
                    ? await CorpusIngester.IngestAsync(session.Server.Channel, args.Required("articles"), args.Int("batch-size", 500))
                    : await CorpusIngester.IngestAsync(session.Server.Channel, corpus);
                generation = session.Ingest.Generation;
                Console.Error.WriteLine($"  ingested {session.Ingest.Indexed} articles ({session.Ingest.Failed} failed) in {session.Ingest.Seconds:F2} s, {session.Ingest.Batches} batches");
            }
            var settling = System.Diagnostics.Stopwatch.StartNew();
            session.Stats = await CorpusIngester.WaitSettledAsync(session.Server.Channel,
                await CorpusIngester.WaitSearchableAsync(session.Server.Channel, generation));
            session.SettleSeconds = settling.Elapsed.TotalSeconds;
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in signals)
        {
            registration.Dispose();
        }
        Server.Dispose();
    }
}
