using System.Runtime.CompilerServices;
using Search.Core.Organisations;

namespace Search.Core.Faceting;

/// <summary>
/// Every alias of a gazetteer, folded once, for facet value search ("daes" → Islamic State through "Daesh").
/// Built once per gazetteer (keyed weakly on its entry list) and shared.
/// </summary>
internal sealed class OrganisationAliasWords
{
    private static readonly ConditionalWeakTable<IReadOnlyList<GazetteerEntry>, OrganisationAliasWords> ByGazetteer = new();

    private readonly (string Canonical, string Alias, string Folded)[] aliases;

    private OrganisationAliasWords(IReadOnlyList<GazetteerEntry> entries)
    {
        aliases = entries
            .SelectMany(entry => entry.Aliases
                .Select(alias => alias.Text)
                .Where(alias => !string.Equals(alias, entry.Name, StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .Select(alias => (entry.Name, alias, FoldedWords.Fold(alias))))
            .ToArray();
    }

    public static OrganisationAliasWords For(IReadOnlyList<GazetteerEntry> entries) =>
        ByGazetteer.GetValue(entries, list => new OrganisationAliasWords(list));

    /// <summary>Canonical names with an alias that has a word starting with the prefix, and the first such alias of each.</summary>
    public IEnumerable<(string Canonical, string Alias)> Matching(string foldedPrefix)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (canonical, alias, folded) in aliases)
        {
            if (!seen.Contains(canonical) && FoldedWords.HasWordStartingWith(folded, foldedPrefix))
            {
                seen.Add(canonical);
                yield return (canonical, alias);
            }
        }
    }
}
