using System.Text;

namespace Search.Core.Highlighting;

/// <summary>
/// Writes a passage as HTML: the configured tags verbatim around matches, everything else escaped so stored text
/// can never become markup. Escaping is reversible (numeric references), except that a lone surrogate, which no
/// client could display, becomes U+FFFD.
/// </summary>
internal static class HtmlFragmentWriter
{
    /// <summary>Writes text[range] with <paramref name="matches"/> (sorted, disjoint, inside the range) tagged.</summary>
    public static string Write(StringBuilder builder, string text, TextSpan range, IReadOnlyList<TextSpan> matches, string preTag, string postTag)
    {
        builder.Clear();
        int position = range.Start;
        foreach (TextSpan match in matches)
        {
            AppendEscaped(builder, text, position, match.Start);
            builder.Append(preTag);
            AppendEscaped(builder, text, match.Start, match.End);
            builder.Append(postTag);
            position = match.End;
        }

        AppendEscaped(builder, text, position, range.End);
        return builder.ToString();
    }

    public static void AppendEscaped(StringBuilder builder, string text, int start, int end)
    {
        int runStart = start;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (!NeedsEscape(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            builder.Append(text, runStart, i - runStart);
            AppendEscape(builder, c);
            runStart = i + 1;
        }

        builder.Append(text, runStart, end - runStart);
    }

    /// <summary>Fast check: everything from space to '~' except the five HTML specials is copied as is.</summary>
    private static bool NeedsEscape(char c) => c switch
    {
        '<' or '>' or '&' or '"' or '\'' => true,
        >= ' ' and < '\u007F' => false,
        '\t' or '\n' or '\r' => false,
        _ => c < ' ' || (c >= '\u007F' && c <= '\u009F') || IsBidiControl(c) || char.IsSurrogate(c),
    };

    // Bidirectional controls could visually reorder the surrounding markup (U+202E renders text right to left).
    private static bool IsBidiControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static void AppendEscape(StringBuilder builder, char c)
    {
        switch (c)
        {
            case '<':
                builder.Append("&lt;");
                break;
            case '>':
                builder.Append("&gt;");
                break;
            case '&':
                builder.Append("&amp;");
                break;
            case '"':
                builder.Append("&quot;");
                break;
            case '\'':
                builder.Append("&#39;");
                break;
            default:
                // Controls (NUL included) and bidi marks as numeric references; a lone surrogate as U+FFFD.
                builder.Append("&#x").Append(char.IsSurrogate(c) ? "FFFD" : ((int)c).ToString("X", System.Globalization.CultureInfo.InvariantCulture)).Append(';');
                break;
        }
    }
}
