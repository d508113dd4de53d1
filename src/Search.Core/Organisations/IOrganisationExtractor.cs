using Search.Core.Model;

namespace Search.Core.Organisations;

/// <summary>
/// Finds the organisations an article is about and maps every spelling to one canonical name, so the
/// organisation facet counts organisations, not spellings. Used at index time (extraction) and at query
/// time (an alias in a filter or an <c>organisation:</c> query means its canonical organisation).
/// </summary>
public interface IOrganisationExtractor
{
    /// <summary>Identifies the gazetteer in use; recorded per article so stale tagging can be found.</summary>
    string GazetteerVersion { get; }

    /// <summary>Merges the given organisations with those mentioned in the title and body.</summary>
    OrganisationExtraction Extract(string title, string body, IReadOnlyList<string> givenOrganisations);

    /// <summary>The canonical name for an alias or any other spelling (normalised when unknown).</summary>
    string Canonicalise(string name);

    /// <summary>Every alias of a canonical name known to the gazetteer (empty for unknown names).</summary>
    IReadOnlyList<string> AliasesOf(string canonicalName);

    /// <summary>The gazetteer's organisations (empty when there is none), for looking organisations up by alias.</summary>
    IReadOnlyList<GazetteerEntry> KnownOrganisations { get; }
}

/// <summary>The canonical organisations of an article (distinct, in first-seen order) and every mention.</summary>
public sealed record OrganisationExtraction(IReadOnlyList<string> Organisations, IReadOnlyList<OrganisationMention> Mentions);
