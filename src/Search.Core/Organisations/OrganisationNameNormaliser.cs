using System.Text;

namespace Search.Core.Organisations;

/// <summary>
/// The display form of an organisation name the gazetteer does not know, so that "the STANDARD OIL CO",
/// "Standard Oil Co's" and " Standard  Oil Co " give one facet value.
/// </summary>
public static class OrganisationNameNormaliser
{
    /// <summary>A shouted word up to this length is taken for an acronym and kept in capitals ("NCA", "UNESCO" alone).</summary>
    private const int MaxAcronymLength = 5;

    private static readonly HashSet<string> LowerCaseConnectors = new(StringComparer.Ordinal) { "of", "for", "and", "the", "de", "on", "du", "des", "der", "in", "at", "to" };

    public static string Normalise(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }
        var text = CollapseWhiteSpace(name.Replace('’', '\'').Replace('‘', '\'').Replace('ʼ', '\''));
        text = text.Trim(SurroundingPunctuation);
        if (text.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && text.Length > 4)
        {
            text = text[4..];
        }
        if (text.EndsWith("'s", StringComparison.OrdinalIgnoreCase) && text.Length > 2)
        {
            text = text[..^2];
        }
        text = text.Trim(SurroundingPunctuation);
        return IsShouted(text) ? FoldShouting(text) : text;
    }

    private static readonly char[] SurroundingPunctuation = [' ', '"', '\'', '“', '”', '«', '»', '(', ')', '[', ']', '{', '}', ',', ';', ':', '.', '!', '?', '*', '–', '—', '-'];

    private static string CollapseWhiteSpace(string text)
    {
        if (IsCollapsed(text))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Already what <see cref="CollapseWhiteSpace"/> makes (most names are): single plain spaces between words only.</summary>
    private static bool IsCollapsed(string text)
    {
        bool previousSpace = true;
        foreach (char c in text)
        {
            bool space = char.IsWhiteSpace(c);
            if (space && (previousSpace || c != ' '))
            {
                return false;
            }
            previousSpace = space;
        }
        return !previousSpace || text.Length == 0;
    }

    /// <summary>All capitals and longer than an acronym: "STANDARD OIL CO" is shouting, "NCA", "UNICEF" and "EU IRU" are not.</summary>
    private static bool IsShouted(string text)
    {
        bool hasLower = false, hasUpper = false;
        int longestWord = 0, current = 0;
        foreach (char c in text)
        {
            hasLower |= char.IsLower(c);
            hasUpper |= char.IsUpper(c);
            current = char.IsLetter(c) ? current + 1 : 0;
            longestWord = Math.Max(longestWord, current);
        }
        bool oneWord = !text.Contains(' ', StringComparison.Ordinal);
        return hasUpper && !hasLower && (oneWord ? longestWord > MaxAcronymLength + 1 : longestWord >= MaxAcronymLength - 1);
    }

    private static string FoldShouting(string text)
    {
        var words = text.Split(' ');
        for (int i = 0; i < words.Length; i++)
        {
            var word = words[i];
            var lower = word.ToLowerInvariant();
            if (i > 0 && LowerCaseConnectors.Contains(lower))
            {
                words[i] = lower;
            }
            else if (!LooksLikeAcronym(word))
            {
                words[i] = TitleCase(lower);
            }
        }
        return string.Join(' ', words);
    }

    /// <summary>Short words with no vowel ("BP", "NBC") or with digits ("3M") read as acronyms, not words.</summary>
    private static bool LooksLikeAcronym(string word) =>
        word.Any(char.IsDigit) || (word.Length <= 4 && !word.Any(c => "AEIOUY".Contains(c, StringComparison.Ordinal)));

    private static string TitleCase(string lower)
    {
        var chars = lower.ToCharArray();
        bool start = true;
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsLetter(chars[i]))
            {
                if (start)
                {
                    chars[i] = char.ToUpperInvariant(chars[i]);
                }
                start = false;
            }
            else
            {
                start = chars[i] is '-' or '/' or '.' or '&';
            }
        }
        return new string(chars);
    }
}
