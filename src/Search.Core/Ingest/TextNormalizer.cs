namespace Search.Core.Ingest;

/// <summary>Clean-ups applied to every text field read from a file.</summary>
internal static class TextNormalizer
{
    private const char NoBreakSpace = '\u00A0';
    private const char NarrowNoBreakSpace = '\u202F';

    /// <summary>
    /// Replaces non-breaking spaces with plain spaces: web-copied articles are full of them, and the analyzer and
    /// phrase queries should treat them as ordinary word breaks.
    /// </summary>
    public static string NormaliseSpaces(string text)
    {
        if (text.AsSpan().IndexOfAny(NoBreakSpace, NarrowNoBreakSpace) < 0)
        {
            return text;
        }
        return text.Replace(NoBreakSpace, ' ').Replace(NarrowNoBreakSpace, ' ');
    }
}
