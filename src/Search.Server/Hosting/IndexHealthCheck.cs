using Microsoft.Extensions.Diagnostics.HealthChecks;
using Search.Core.Indexing;

namespace Search.Server.Hosting;

/// <summary>SERVING once the index is open and answers a search; NOT_SERVING otherwise.</summary>
internal sealed class IndexHealthCheck(IndexLifetimeService lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (lifetime.Host is not { } host)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The index is not open."));
        }
        try
        {
            using SearcherLease lease = host.Current.AcquireSearcher();
            return Task.FromResult(HealthCheckResult.Healthy($"{lease.Searcher.IndexReader.NumDocs} articles."));
        }
        catch (ObjectDisposedException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The index is closed."));
        }
    }
}
