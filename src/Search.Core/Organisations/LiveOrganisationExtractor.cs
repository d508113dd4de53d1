using Search.Core.Indexing;

namespace Search.Core.Organisations;

/// <summary>
/// The organisation extractor of the live index generation. Query parsing, filters and facet value search use
/// it, so aliases are mapped with the same gazetteer that tagged the articles being searched.
/// </summary>
public sealed class LiveOrganisationExtractor(IndexHost indexes) : IOrganisationExtractor
{
    private IOrganisationExtractor Live => indexes.Current.Mapper.Organisations;

    public IReadOnlyList<GazetteerEntry> KnownOrganisations => Live.KnownOrganisations;

    public string GazetteerVersion => Live.GazetteerVersion;

    public OrganisationExtraction Extract(string title, string body, IReadOnlyList<string> givenOrganisations) =>
        Live.Extract(title, body, givenOrganisations);

    public string Canonicalise(string name) => Live.Canonicalise(name);

    public IReadOnlyList<string> AliasesOf(string canonicalName) => Live.AliasesOf(canonicalName);
}
