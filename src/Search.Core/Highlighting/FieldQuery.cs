namespace Search.Core.Highlighting;

/// <summary>What to look for in one field: single terms, phrases and multi-term queries, each with a scoring key.</summary>
internal sealed class FieldQuery
{
    public List<HighlightTerm> Terms { get; } = [];

    public List<HighlightPhrase> Phrases { get; } = [];

    public List<HighlightMultiTerm> MultiTerms { get; } = [];

    /// <summary>Number of distinct scoring keys handed out (keys are 0..KeyCount-1).</summary>
    public int KeyCount { get; set; }

    public bool IsEmpty => Terms.Count == 0 && Phrases.Count == 0 && MultiTerms.Count == 0;
}
