using System.Text.Json.Nodes;
using Grpc.Core;

namespace Search.PeerDriver;

/// <summary>
/// Latencies per request kind and every failure, shared by all workers of the load run. One lock: a few
/// thousand requests a second at most, far below what would make it contend.
/// </summary>
internal sealed class LoadRecorder
{
    private const int KeptFailures = 50;
    private readonly object gate = new();
    private readonly Dictionary<string, List<double>> latencies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> failuresByKind = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> failuresByStatus = new(StringComparer.Ordinal);
    private readonly List<string> firstFailures = [];

    public int FailureCount { get; private set; }

    public void Success(string kind, double milliseconds)
    {
        lock (gate)
        {
            if (!latencies.TryGetValue(kind, out List<double>? list))
            {
                latencies[kind] = list = [];
            }
            list.Add(milliseconds);
        }
    }

    public void Failure(string kind, RpcException error) => Failure(kind, error.StatusCode.ToString(), error.Status.Detail);

    public void Failure(string kind, string status, string message)
    {
        lock (gate)
        {
            FailureCount++;
            failuresByKind[kind] = failuresByKind.GetValueOrDefault(kind) + 1;
            failuresByStatus[status] = failuresByStatus.GetValueOrDefault(status) + 1;
            if (firstFailures.Count < KeptFailures)
            {
                firstFailures.Add($"{kind}: {status}: {message}");
            }
        }
    }

    /// <summary>Count, failures and latency percentiles of one kind (p95 included for searches).</summary>
    public JsonObject Summary(string kind)
    {
        lock (gate)
        {
            double[] sorted = latencies.GetValueOrDefault(kind, []).Order().ToArray();
            return new JsonObject
            {
                ["ok"] = sorted.Length,
                ["failed"] = failuresByKind.GetValueOrDefault(kind),
                ["p50_ms"] = Percentiles.Round(Percentiles.NearestRank(sorted, 50), 2),
                ["p95_ms"] = Percentiles.Round(Percentiles.NearestRank(sorted, 95), 2),
                ["p99_ms"] = Percentiles.Round(Percentiles.NearestRank(sorted, 99), 2),
                ["max_ms"] = Percentiles.Round(sorted.Length == 0 ? double.NaN : sorted[^1], 2),
            };
        }
    }

    public JsonObject Failures()
    {
        lock (gate)
        {
            var byStatus = new JsonObject();
            foreach ((string status, int count) in failuresByStatus.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                byStatus[status] = count;
            }
            return new JsonObject
            {
                ["total"] = FailureCount,
                ["by_status"] = byStatus,
                ["first"] = new JsonArray(firstFailures.Select(f => (JsonNode?)f).ToArray()),
            };
        }
    }
}
