using System.Globalization;

namespace Search.PeerDriver;

/// <summary>
/// Resident memory of the server process (VmRSS in /proc/PID/status, Linux), sampled once a second during the
/// load so that the report can show the peak beside the start and end values.
/// </summary>
internal sealed class ServerMemory(int processId)
{
    private long peakBytes;

    public long PeakBytes => Interlocked.Read(ref peakBytes);

    public long ResidentBytes()
    {
        foreach (string line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                string kilobytes = line["VmRSS:".Length..].Trim().Split(' ')[0];
                long bytes = long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                long peak;
                while (bytes > (peak = Interlocked.Read(ref peakBytes)) && Interlocked.CompareExchange(ref peakBytes, bytes, peak) != peak)
                {
                }
                return bytes;
            }
        }
        throw new InvalidOperationException($"No VmRSS line for process {processId}.");
    }

    public async Task SampleUntilAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                ResidentBytes();
                await Task.Delay(1000, stop);
            }
        }
        catch (OperationCanceledException)
        {
            // The load is over.
        }
    }
}
