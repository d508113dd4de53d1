using Search.Core.Organisations;

namespace Search.Core.Tests.Organisations;

public class OrganisationExtractorTests
{
    private static readonly OrganisationExtractor Extractor = new();

    private static string[] MentionTexts(string body) => Extractor.Extract("", body, []).Mentions.Select(m => m.Text).ToArray();

    private static string[] Organisations(string body) => Extractor.Extract("", body, []).Organisations.ToArray();

    [Fact]
    public void Possessive_is_left_out_of_the_mention()
    {
        var result = Extractor.Extract("", "It was Europol’s biggest operation, and Amaq's too.", []);
        Assert.Equal(["Europol", "Amaq"], result.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void The_longest_alias_wins()
    {
        Assert.Equal(["European Union Internet Referral Unit"], Organisations("The European Union Internet Referral Unit acted."));
        Assert.Equal(["European Commission"], Organisations("The EC Commission said farm prices would fall."));
    }

    [Theory]
    [InlineData("It IS THE end of the road, says Bob.")]
    [InlineData("The company said its product is safe and who cares.")]
    [InlineData("She baked an Apple pie near the Amazon river.")]
    public void Ambiguous_aliases_need_context(string body)
    {
        Assert.Empty(Organisations(body));
    }

    [Fact]
    public void Ambiguous_aliases_match_with_context()
    {
        Assert.Contains("Islamic State", Organisations("Militants loyal to IS claimed the attack in Syria, a terror group spokesman said."));
        Assert.Contains("World Health Organization", Organisations("The WHO declared the outbreak a health emergency."));
        Assert.Contains("Apple", Organisations("Apple released a patch for iOS on Monday."));
    }

    [Fact]
    public void Acronym_defined_in_the_article_links_to_the_long_form()
    {
        var result = Extractor.Extract("", "The Canadian Centre for Cyber Security (CCCS) warned users. Later the CCCS published advice.", []);
        Assert.Equal(["Canadian Centre for Cyber Security"], result.Organisations);
        Assert.Equal(3, result.Mentions.Count);
        Assert.Equal("CCCS", result.Mentions[2].Text);
    }

    [Fact]
    public void Acronym_before_the_long_form_links_too()
    {
        var result = Extractor.Extract("", "ECTC (European Counter Terrorism Centre) staff met. ECTC analysts agreed.", []);
        Assert.All(result.Mentions, m => Assert.Equal("European Counter Terrorism Centre", m.Organisation));
        Assert.Equal(3, result.Mentions.Count);
    }

    [Theory]
    [InlineData("Shares of Texas Commerce Bank rose.", "Texas Commerce Bank")]
    [InlineData("A spokesman for the Colorado Department of Transportation said.", "Colorado Department of Transportation")]
    [InlineData("The Bank of England raised rates.", "Bank of England")]
    [InlineData("Standard Oil Co and BP North America Inc said they plan a venture.", "Standard Oil Co")]
    public void Names_headed_by_an_organisation_word_are_found(string body, string expected)
    {
        Assert.Contains(expected, Organisations(body));
    }

    [Theory]
    [InlineData("Police said the suspect fled.")]
    [InlineData("Mr Smith went to Europe and Canada last week.")]
    [InlineData("Group members met in the Soviet Union.")]
    public void Sentence_starts_people_and_places_are_not_organisations(string body)
    {
        Assert.Empty(Organisations(body));
    }

    [Fact]
    public void Given_organisations_are_canonicalised_and_come_first()
    {
        var result = Extractor.Extract("", "Europol said so.", ["WORLDBANK", "opec", "Europol", " the  STANDARD OIL CO "]);
        Assert.Equal(["World Bank", "OPEC", "Europol", "Standard Oil Co"], result.Organisations);
    }

    [Theory]
    [InlineData("ISIS", "Islamic State")]
    [InlineData("Daesh", "Islamic State")]
    [InlineData("IS", "Islamic State")]
    [InlineData("EC", "European Union")]
    [InlineData("EEC", "European Union")]
    [InlineData("European Community", "European Union")]
    [InlineData("EC Commission", "European Commission")]
    [InlineData("ICO-COFFEE", "International Coffee Organization")]
    [InlineData("ADB-ASIA", "Asian Development Bank")]
    [InlineData("al Qaeda", "al-Qaeda")]
    [InlineData("Kaspersky Lab", "Kaspersky")]
    [InlineData("apple", "Apple")]
    [InlineData("is", "is")]
    [InlineData("the STANDARD OIL CO's", "Standard Oil Co")]
    [InlineData("NCA", "National Crime Agency")]
    [InlineData("ACME   Widgets Ltd", "ACME Widgets Ltd")]
    [InlineData("“Trustwave’s”", "Trustwave")]
    public void Canonicalise_maps_aliases_and_normalises_unknown_names(string name, string expected)
    {
        Assert.Equal(expected, Extractor.Canonicalise(name));
    }

    [Fact]
    public void AliasesOf_lists_the_spellings_of_a_canonical_name()
    {
        var aliases = Extractor.AliasesOf("Islamic State");
        Assert.Contains("Daesh", aliases);
        Assert.Contains("ISIL", aliases);
        Assert.Empty(Extractor.AliasesOf("No Such Organisation"));
    }

    [Fact]
    public void Pass_through_extractor_only_normalises_given_organisations()
    {
        var extractor = new PassThroughOrganisationExtractor();
        var result = extractor.Extract("Europol", "Europol acted.", ["the Europol", "EUROPOL"]);
        Assert.Equal(["Europol"], result.Organisations);
        Assert.Empty(result.Mentions);
    }
}
