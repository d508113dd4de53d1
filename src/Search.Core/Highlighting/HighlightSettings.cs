namespace Search.Core.Highlighting;

/// <summary>How one field of a hit is highlighted.</summary>
/// <param name="FragmentSize">Target passage length in UTF-16 code units; passages are cut at sentence or word boundaries near it.</param>
/// <param name="MaxFragments">Most passages returned, best first.</param>
/// <param name="PreTag">Inserted verbatim before each match (configured by the caller, so never escaped).</param>
/// <param name="PostTag">Inserted verbatim after each match.</param>
/// <param name="FallbackToLeadingPassage">
/// When the field has no match, return its first passage unmarked so every hit has a snippet (set for the body).
/// </param>
/// <param name="WholeField">
/// Return the whole field as one fragment instead of cutting passages (set for the title, which is short).
/// </param>
public sealed record HighlightSettings(
    int FragmentSize = 160,
    int MaxFragments = 3,
    string PreTag = "<em>",
    string PostTag = "</em>",
    bool FallbackToLeadingPassage = false,
    bool WholeField = false)
{
    /// <summary>Defaults for the title: whole title, only when it matches.</summary>
    public static HighlightSettings Title { get; } = new(WholeField: true);

    /// <summary>Defaults for the body: up to three passages, the leading passage when nothing matches.</summary>
    public static HighlightSettings Body { get; } = new(FallbackToLeadingPassage: true);
}
