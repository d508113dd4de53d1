namespace Search.Server.Hosting;

/// <summary>
/// Bounds how many searches run at once (twice the cores, like a search thread pool). Lucene searches hold a
/// thread until done; beyond what the cores can run, more at once only adds waiting. Requests queue here
/// asynchronously, and a request whose caller gives up or whose deadline passes leaves the queue without
/// having done any work.
/// </summary>
internal sealed class SearchAdmission : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Environment.ProcessorCount * 2);

    public async Task<T> RunAsync<T>(Func<T> search, CancellationToken cancellation)
    {
        await _slots.WaitAsync(cancellation);
        try
        {
            cancellation.ThrowIfCancellationRequested();
            return search();
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
