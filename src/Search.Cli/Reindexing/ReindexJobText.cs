using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Search.Contracts.V1;

namespace Search.Cli.Reindexing;

/// <summary>How the fields of a reindex job are printed, shared by the progress bar, the summary and the job table.</summary>
internal static class ReindexJobText
{
    /// <summary>
    /// The state as the proto names it without its prefix (<c>SUCCEEDED</c>), which is what the docs and scripts
    /// grep for. Every state is one word, so upper-casing the C# name gives exactly that.
    /// </summary>
    public static string State(ReindexState state) => state.ToString().ToUpperInvariant();

    public static bool IsFinished(ReindexState state) =>
        state is ReindexState.Succeeded or ReindexState.Failed or ReindexState.Cancelled;

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Rate(double articlesPerSecond) =>
        articlesPerSecond.ToString("N0", CultureInfo.InvariantCulture) + " articles/s";

    /// <summary>Processed of total; the total is 0 until the server has counted the sources.</summary>
    public static string Progress(ReindexJob job) =>
        job.Total > 0 ? $"{Number(job.Processed)} of {Number(job.Total)}" : Number(job.Processed);

    /// <summary>Share done, or null while the total is unknown.</summary>
    public static double? Fraction(ReindexJob job) =>
        job.Total > 0 ? Math.Clamp((double)job.Processed / job.Total, 0, 1) : null;

    public static string Duration(TimeSpan span) => span.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}:{span.Seconds:00}");

    public static string Eta(ReindexJob job) => job.Eta is null ? "--:--" : Duration(job.Eta.ToTimeSpan());

    public static string Time(Timestamp? time) =>
        time is null ? "-" : time.ToDateTimeOffset().ToString("u", CultureInfo.InvariantCulture);
}
