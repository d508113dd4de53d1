using System.Globalization;
using Search.Cli.Rendering;
using Search.Core.Ingest;

namespace Search.Cli.Ingest;

/// <summary>The report printed when an ingest ends: counts, timing, and the first rejections with their reasons.</summary>
internal static class IngestSummaryWriter
{
    public static void Write(TextWriter output, IngestTally tally, TimeSpan elapsed)
    {
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(culture, $"indexed:            {tally.Indexed:N0}"));
        output.WriteLine(string.Create(culture, $"rejected by reader: {tally.ReaderRejected:N0}"));
        output.WriteLine(string.Create(culture, $"rejected by server: {tally.ServerRejected:N0}"));
        output.WriteLine(string.Create(culture, $"elapsed:            {elapsed.TotalSeconds:0.00} s"));
        output.WriteLine(string.Create(culture, $"rate:               {ProgressReporter.Rate(tally.Indexed, elapsed):N0} articles/s"));
        output.WriteLine(string.Create(culture, $"generation:         {tally.Generation}"));

        if (tally.ReaderRejected > 0)
        {
            output.WriteLine();
            output.WriteLine("rejected by the reader:");
            foreach (IngestError error in tally.ReaderErrors)
            {
                string id = error.Id is null ? "" : $" (id {error.Id})";
                output.WriteLine($"  {TerminalText.SingleLine(error.Location + id)}: {TerminalText.SingleLine(error.Message)}");
            }
            WriteMore(output, tally.ReaderRejected, tally.ReaderErrors.Count);
        }
        if (tally.ServerRejected > 0)
        {
            output.WriteLine();
            output.WriteLine("rejected by the server:");
            foreach (ServerRejection error in tally.ServerErrors)
            {
                string id = error.Id.Length == 0 ? "(no id)" : error.Id;
                output.WriteLine(string.Create(culture, $"  {TerminalText.SingleLine(id)} (batch {error.Batch}, article {error.Position}): {TerminalText.SingleLine(error.Message)}"));
            }
            WriteMore(output, tally.ServerRejected, tally.ServerErrors.Count);
        }
    }

    private static void WriteMore(TextWriter output, long total, int shown)
    {
        if (total > shown)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ... and {total - shown:N0} more"));
        }
    }
}
