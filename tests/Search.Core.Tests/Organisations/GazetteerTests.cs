using System.Text;
using Search.Core.Organisations;

namespace Search.Core.Tests.Organisations;

public class GazetteerTests
{
    [Fact]
    public void Default_gazetteer_loads_from_the_embedded_file()
    {
        var gazetteer = Gazetteer.Default;
        Assert.False(string.IsNullOrEmpty(gazetteer.Version));
        Assert.True(gazetteer.Entries.Count > 150);
        Assert.Equal("threat-group", gazetteer.Find("islamic state")?.Kind);
    }

    [Fact]
    public void User_file_adds_aliases_and_entries_and_changes_the_version()
    {
        const string user = """
            {"organisations": [
              {"name": "Europol", "aliases": ["EPO HQ"]},
              {"name": "Acme Threat Labs", "kind": "vendor", "aliases": ["ATL"]}
            ]}
            """;
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, user, Encoding.UTF8);
            var gazetteer = Gazetteer.Load(path);
            var extractor = new OrganisationExtractor(gazetteer);

            Assert.StartsWith(Gazetteer.Default.Version + "+", extractor.GazetteerVersion, StringComparison.Ordinal);
            Assert.Equal("Europol", extractor.Canonicalise("EPO HQ"));
            Assert.Equal("Europol", extractor.Canonicalise("European Police Office"));
            Assert.Equal("Acme Threat Labs", extractor.Canonicalise("ATL"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void User_entry_can_replace_a_default_entry()
    {
        var user = Encoding.UTF8.GetBytes("""{"organisations": [{"name": "Europol", "kind": "agency", "replace": true, "aliases": ["EPO"]}]}""");
        var extractor = new OrganisationExtractor(Gazetteer.FromJson(Gazetteer.ReadDefaultJson(), user));

        Assert.Equal("Europol", extractor.Canonicalise("EPO"));
        Assert.Equal("European Police Office", extractor.Canonicalise("European Police Office"));
    }
}
