namespace Search.PeerDriver;

/// <summary>Latency summaries computed exactly as the harness's bench.py does (nearest rank).</summary>
internal static class Percentiles
{
    public static double NearestRank(double[] sortedAscending, double p)
    {
        if (sortedAscending.Length == 0)
        {
            return double.NaN;
        }
        int rank = (int)Math.Ceiling(p * sortedAscending.Length / 100.0) - 1;
        return sortedAscending[Math.Clamp(rank, 0, sortedAscending.Length - 1)];
    }

    public static double Round(double value, int digits) => Math.Round(value, digits, MidpointRounding.AwayFromZero);
}
