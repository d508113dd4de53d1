using Search.Core.Model;

namespace Search.Core.Organisations;

/// <summary>
/// Keeps only the organisations the feed gives, normalised, and finds none in the text: the baseline
/// for measuring what extraction costs at index time.
/// </summary>
public sealed class PassThroughOrganisationExtractor : IOrganisationExtractor
{
    public IReadOnlyList<GazetteerEntry> KnownOrganisations => [];

    public string GazetteerVersion => "none";

    public OrganisationExtraction Extract(string title, string body, IReadOnlyList<string> givenOrganisations)
    {
        var organisations = (givenOrganisations ?? [])
            .Select(Canonicalise)
            .Where(name => name.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        return new OrganisationExtraction(organisations, []);
    }

    public string Canonicalise(string name) => OrganisationNameNormaliser.Normalise(name ?? "");

    public IReadOnlyList<string> AliasesOf(string canonicalName) => [];
}
