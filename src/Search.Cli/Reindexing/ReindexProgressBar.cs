using System.Diagnostics;
using System.Globalization;
using Search.Contracts.V1;

namespace Search.Cli.Reindexing;

/// <summary>
/// The live progress of a reindex on stderr. On a terminal the bar is redrawn in place with <c>\r</c> on every
/// update the server streams (about once a second); when stderr is redirected, plain lines are written at most
/// every few seconds, and on every state change, so a log shows the lifecycle without filling up.
/// </summary>
internal sealed class ReindexProgressBar(TextWriter output, bool interactive, Func<TimeSpan> elapsed)
{
    public const int Width = 24;
    public static readonly TimeSpan PlainLineInterval = TimeSpan.FromSeconds(5);

    private readonly Rendering.StatusLine line = new(output, interactive);
    private TimeSpan lastWrite = TimeSpan.MinValue;
    private ReindexState lastState = ReindexState.Unspecified;

    public ReindexProgressBar(TextWriter output, bool interactive)
        : this(output, interactive, StartClock())
    {
    }

    private static Func<TimeSpan> StartClock()
    {
        var clock = Stopwatch.StartNew();
        return () => clock.Elapsed;
    }

    public void Update(ReindexJob job)
    {
        TimeSpan now = elapsed();
        bool stateChanged = job.State != lastState;
        if (!interactive && !stateChanged && now - lastWrite < PlainLineInterval)
        {
            return;
        }
        lastWrite = now;
        lastState = job.State;
        line.Show(Format(job));
    }

    /// <summary>Clears the redrawn line so what follows starts on a clean line.</summary>
    public void Finish()
    {
        line.Clear();
    }

    public static string Format(ReindexJob job)
    {
        double? fraction = ReindexJobText.Fraction(job);
        int filled = (int)Math.Round((fraction ?? 0) * Width);
        string bar = "[" + new string('#', filled) + new string('.', Width - filled) + "]";
        string percent = fraction is { } f ? (f * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "counting";
        return $"reindex: {bar} {ReindexJobText.Progress(job)} {percent} · {ReindexJobText.Rate(job.ArticlesPerSecond)} · " +
            $"ETA {ReindexJobText.Eta(job)} · {ReindexJobText.State(job.State)}";
    }
}
