namespace Search.Core.Organisations;

/// <summary>
/// Context rules that keep an ambiguous alias ("IS", "WHO", "Apple", "Shell") from matching ordinary words.
/// Cue words and neighbour words are compared with lower-case token keys; a cue ending in '*' matches any
/// word starting with it ("terror*" matches "terrorists").
/// </summary>
public sealed record AliasRule
{
    /// <summary>The text must be spelled exactly as the alias (apostrophe style aside).</summary>
    public bool CaseSensitive { get; init; }

    /// <summary>The text must be written in capitals.</summary>
    public bool AllCapsOnly { get; init; }

    /// <summary>At least one of these cues must occur within <see cref="Window"/> words (empty: no cue needed).</summary>
    public IReadOnlyList<string> RequireNearby { get; init; } = [];

    /// <summary>How many words either side to look for cues; 0 means anywhere in the article.</summary>
    public int Window { get; init; }

    /// <summary>The match is rejected when the word before it is one of these.</summary>
    public IReadOnlyList<string> NotAfter { get; init; } = [];

    /// <summary>The match is rejected when the word after it is one of these.</summary>
    public IReadOnlyList<string> NotBefore { get; init; } = [];

    /// <summary>True when the alias cannot be judged in all-capitals text (headlines), where case says nothing.</summary>
    internal bool NeedsCaseEvidence => CaseSensitive || AllCapsOnly;
}
