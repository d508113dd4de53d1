using System.Net;
using System.Text;

namespace Search.Cli.Rendering;

/// <summary>
/// Renders the server's highlighted passages (HTML-escaped, matches wrapped in <c>&lt;em&gt;</c>) for a terminal:
/// tags become bold (or brackets, or nothing) and entities are decoded. Tags are split off before decoding, so an
/// escaped <c>&amp;lt;em&amp;gt;</c> written in an article stays literal text and never turns into a highlight.
/// </summary>
internal sealed class TerminalHighlightRenderer(HighlightStyle style)
{
    public const string PreTag = "<em>";
    public const string PostTag = "</em>";
    private const string Bold = "\u001b[1m";
    private const string Reset = "\u001b[0m";

    public HighlightStyle Style { get; } = style;

    /// <summary>Picks the style from the terminal: ANSI on a terminal, brackets with NO_COLOR, plain when redirected.</summary>
    public static TerminalHighlightRenderer For(CliConsole console) => new(
        console.IsOutputRedirected ? HighlightStyle.Plain : console.NoColor ? HighlightStyle.Brackets : HighlightStyle.Ansi);

    /// <summary>Renders one passage on one line (paragraph breaks become spaces).</summary>
    public string Render(string fragment)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        var output = new StringBuilder(fragment.Length);
        int position = 0;
        while (position < fragment.Length)
        {
            int open = fragment.IndexOf(PreTag, position, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }
            int close = fragment.IndexOf(PostTag, open + PreTag.Length, StringComparison.Ordinal);
            if (close < 0)
            {
                break;
            }
            output.Append(Decode(fragment[position..open]));
            string match = Decode(fragment[(open + PreTag.Length)..close]);
            output.Append(Style switch
            {
                HighlightStyle.Ansi => Bold + match + Reset,
                HighlightStyle.Brackets => "[" + match + "]",
                _ => match,
            });
            position = close + PostTag.Length;
        }
        output.Append(Decode(fragment[position..]));
        return output.ToString();
    }

    private static string Decode(string html) => TerminalText.SingleLine(WebUtility.HtmlDecode(html));
}
