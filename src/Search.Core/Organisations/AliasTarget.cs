namespace Search.Core.Organisations;

/// <summary>What a trie path means: this alias of this organisation, spelled with these words.</summary>
internal sealed record AliasTarget(GazetteerEntry Entry, GazetteerAlias Alias, string[] CaseKeys)
{
    /// <summary>An alias written with capitals needs at least one capital in the text ("who" is not WHO).</summary>
    public bool NeedsCapital { get; } = Alias.Text.Any(char.IsUpper);

    public bool IsAllCapsAlias { get; } = Alias.Text.Any(char.IsUpper) && !Alias.Text.Any(char.IsLower);
}
