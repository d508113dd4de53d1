using Search.Cli.Rendering;

namespace Search.Cli.Tests;

public class TerminalHighlightRendererTests
{
    [Fact]
    public void Ansi_style_turns_tags_into_bold()
    {
        var renderer = new TerminalHighlightRenderer(HighlightStyle.Ansi);
        Assert.Equal("the \u001b[1mEuropol\u001b[0m operation", renderer.Render("the <em>Europol</em> operation"));
    }

    [Fact]
    public void Entities_are_decoded_inside_and_outside_matches()
    {
        var renderer = new TerminalHighlightRenderer(HighlightStyle.Brackets);
        Assert.Equal("R&D <script> by [AT&T]", renderer.Render("R&amp;D &lt;script&gt; by <em>AT&amp;T</em>"));
    }

    [Fact]
    public void Escaped_tags_in_the_text_stay_literal()
    {
        var renderer = new TerminalHighlightRenderer(HighlightStyle.Brackets);
        Assert.Equal("<em>not a match</em> [match]", renderer.Render("&lt;em&gt;not a match&lt;/em&gt; <em>match</em>"));
    }

    [Fact]
    public void Plain_style_drops_the_marks()
    {
        var renderer = new TerminalHighlightRenderer(HighlightStyle.Plain);
        Assert.Equal("Europol and Interpol", renderer.Render("<em>Europol</em> and <em>Interpol</em>"));
    }

    [Fact]
    public void Line_breaks_and_control_characters_become_spaces()
    {
        var renderer = new TerminalHighlightRenderer(HighlightStyle.Plain);
        Assert.Equal("first second  [31m red", renderer.Render("first\nsecond \u001b[31m red"));
    }

    [Fact]
    public void Unclosed_tag_is_left_as_decoded_text()
    {
        var renderer = new TerminalHighlightRenderer(HighlightStyle.Brackets);
        Assert.Equal("a <em>b", renderer.Render("a <em>b"));
    }

    [Theory]
    [InlineData(false, null, "Ansi")]
    [InlineData(false, "1", "Brackets")]
    [InlineData(true, null, "Plain")]
    public void Style_follows_the_terminal_and_NO_COLOR(bool redirected, string? noColor, string expected)
    {
        var console = new CliConsole
        {
            Out = TextWriter.Null,
            Error = TextWriter.Null,
            IsOutputRedirected = redirected,
            Environment = name => name == "NO_COLOR" ? noColor : null,
        };
        // The style enum is internal, so the theory names it.
        Assert.Equal(expected, TerminalHighlightRenderer.For(console).Style.ToString());
    }
}
