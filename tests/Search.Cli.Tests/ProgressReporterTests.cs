using Search.Cli.Ingest;

namespace Search.Cli.Tests;

public class ProgressReporterTests
{
    [Fact]
    public void Terminal_progress_is_redrawn_in_place_at_most_five_times_a_second()
    {
        var output = new StringWriter();
        var now = TimeSpan.Zero;
        var reporter = new ProgressReporter(output, interactive: true, () => now);
        var tally = new IngestTally();

        tally.AddBatchResult(100, 0, 1, []);
        reporter.Update(tally);
        now = TimeSpan.FromMilliseconds(50);
        tally.AddBatchResult(100, 0, 2, []);
        reporter.Update(tally); // too soon: skipped
        now = TimeSpan.FromMilliseconds(250);
        reporter.Update(tally);
        reporter.Finish();

        string text = output.ToString();
        Assert.Equal(2, text.Split("ingest:").Length - 1);
        Assert.DoesNotContain('\n', text);
        Assert.StartsWith("\ringest: 100 indexed", text, StringComparison.Ordinal);
        Assert.Contains("\ringest: 200 indexed · 800 articles/s · 0 rejected", text, StringComparison.Ordinal);
        Assert.EndsWith("\r", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Redirected_progress_is_written_as_plain_lines()
    {
        var output = new StringWriter();
        var reporter = new ProgressReporter(output, interactive: false, () => TimeSpan.FromSeconds(1));
        var tally = new IngestTally();
        tally.AddBatchResult(10, 2, 1, []);

        reporter.Update(tally);
        reporter.Finish();

        Assert.Equal("ingest: 10 indexed · 10 articles/s · 2 rejected" + Environment.NewLine, output.ToString());
    }
}
