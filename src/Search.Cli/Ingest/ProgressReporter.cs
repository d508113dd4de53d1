using System.Diagnostics;
using System.Globalization;

namespace Search.Cli.Ingest;

/// <summary>
/// The live progress line of an ingest on stderr. On a terminal it is redrawn in place with <c>\r</c> at most five
/// times a second; when stderr is redirected, redrawing would fill a log with carriage returns, so plain lines are
/// written instead, less often.
/// </summary>
internal sealed class ProgressReporter(TextWriter output, bool interactive, Func<TimeSpan> elapsed)
{
    public static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan PlainLineInterval = TimeSpan.FromSeconds(2);

    private readonly Lock gate = new();
    private readonly Rendering.StatusLine line = new(output, interactive);
    private TimeSpan lastWrite = TimeSpan.MinValue;

    public ProgressReporter(TextWriter output, bool interactive)
        : this(output, interactive, StartClock())
    {
    }

    private static Func<TimeSpan> StartClock()
    {
        var clock = Stopwatch.StartNew();
        return () => clock.Elapsed;
    }

    public TimeSpan Elapsed => elapsed();

    /// <summary>Shows the current counts unless the line was drawn too recently.</summary>
    public void Update(IngestTally tally)
    {
        lock (gate)
        {
            TimeSpan now = elapsed();
            TimeSpan interval = interactive ? RedrawInterval : PlainLineInterval;
            if (lastWrite != TimeSpan.MinValue && now - lastWrite < interval)
            {
                return;
            }
            lastWrite = now;
            line.Show(Format(tally.Indexed, tally.Rejected, now));
        }
    }

    /// <summary>Clears the redrawn line so the summary starts on a clean line.</summary>
    public void Finish()
    {
        lock (gate)
        {
            line.Clear();
        }
    }

    public static string Format(long indexed, long rejected, TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
        $"ingest: {indexed:N0} indexed · {Rate(indexed, elapsed):N0} articles/s · {rejected:N0} rejected");

    public static double Rate(long count, TimeSpan elapsed) =>
        elapsed.TotalSeconds > 0 ? count / elapsed.TotalSeconds : 0;
}
