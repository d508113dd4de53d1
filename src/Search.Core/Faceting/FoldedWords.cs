using System.Globalization;
using System.Text;

namespace Search.Core.Faceting;

/// <summary>
/// The matching rule of facet value search: a typed prefix matches at the start of any word of a value, ignoring
/// case and diacritics. Values are folded once ("Sécurité" → "securite") and matched from their word starts.
/// </summary>
internal static class FoldedWords
{
    /// <summary>Lower case without diacritics ("Sécurité" → "securite").</summary>
    public static string Fold(string text)
    {
        string decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }

    /// <summary>Where the words of a folded value start: the value's start and every letter or digit after any other character.</summary>
    public static IEnumerable<int> WordStarts(string folded)
    {
        if (folded.Length > 0)
        {
            yield return 0;
        }
        for (int i = 1; i < folded.Length; i++)
        {
            if (!char.IsLetterOrDigit(folded[i - 1]) && char.IsLetterOrDigit(folded[i]))
            {
                yield return i;
            }
        }
    }

    /// <summary>Whether a word of the folded text starts with <paramref name="foldedPrefix"/>.</summary>
    public static bool HasWordStartingWith(string folded, string foldedPrefix) =>
        WordStarts(folded).Any(start => folded.AsSpan(start).StartsWith(foldedPrefix, StringComparison.Ordinal));
}
