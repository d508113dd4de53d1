using System.Globalization;
using System.Text;
using Search.Core.Highlighting;

namespace Search.Core.Tests.Highlighting;

/// <summary>Checks every highlighter result must pass, whatever the query or text.</summary>
internal static class FragmentAssert
{
    /// <summary>
    /// Text carries no markup but the tags; stripping tags and unescaping gives exactly text[Start..End]; the tags
    /// wrap exactly the reported matches; matches lie inside the fragment, sorted and disjoint.
    /// </summary>
    public static void Consistent(string text, HighlightFragment fragment, string preTag = "<em>", string postTag = "</em>")
    {
        Assert.InRange(fragment.Start, 0, text.Length);
        Assert.InRange(fragment.End, fragment.Start, text.Length);
        string withoutTags = fragment.Text.Replace(preTag, "\u0001", StringComparison.Ordinal).Replace(postTag, "\u0002", StringComparison.Ordinal);
        Assert.DoesNotContain('<', withoutTags);
        Assert.DoesNotContain('>', withoutTags);
        Assert.DoesNotContain('"', withoutTags);
        Assert.DoesNotContain('\0', withoutTags);
        Assert.DoesNotContain('\u202E', withoutTags);

        // Decode, noting where the tags were in the decoded text.
        var decoded = new StringBuilder();
        var tagged = new List<TextSpan>();
        int openedAt = -1;
        for (int i = 0; i < withoutTags.Length; i++)
        {
            char c = withoutTags[i];
            if (c == '\u0001')
            {
                Assert.Equal(-1, openedAt);
                openedAt = fragment.Start + decoded.Length;
            }
            else if (c == '\u0002')
            {
                Assert.NotEqual(-1, openedAt);
                tagged.Add(new TextSpan(openedAt, fragment.Start + decoded.Length));
                openedAt = -1;
            }
            else if (c == '&')
            {
                int semicolon = withoutTags.IndexOf(';', i);
                Assert.True(semicolon > i, "unterminated entity");
                decoded.Append(DecodeEntity(withoutTags[(i + 1)..semicolon]));
                i = semicolon;
            }
            else
            {
                decoded.Append(c);
            }
        }

        Assert.Equal(-1, openedAt);
        Assert.Equal(text[fragment.Start..fragment.End], decoded.ToString());
        Assert.Equal(fragment.Matches, tagged);
        for (int i = 1; i < fragment.Matches.Count; i++)
        {
            Assert.True(fragment.Matches[i - 1].End <= fragment.Matches[i].Start, "matches overlap or are unsorted");
        }
    }

    public static IEnumerable<string> MatchedWords(string text, FieldHighlightResult result) =>
        result.Fragments.SelectMany(f => f.Matches).Select(m => text[m.Start..m.End]);

    private static string DecodeEntity(string entity) => entity switch
    {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "quot" => "\"",
        "#39" => "'",
        _ when entity.StartsWith("#x", StringComparison.Ordinal) =>
            char.ConvertFromUtf32(int.Parse(entity[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)),
        _ => throw new InvalidOperationException("unexpected entity &" + entity + ";"),
    };
}
