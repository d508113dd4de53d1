using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Model;
using Search.Core.Organisations;
using Search.Core.Schema;

namespace Search.Core.Tests.Schema;

public sealed class IndexedArticleReaderTests
{
    private static readonly Article Sample = new()
    {
        Id = "a-1",
        Title = "Europol and the EU IRU",
        Body = "Europol said the European Union Internet Referral Unit (EU IRU) took down Amaq accounts.",
        Source = "Security Affairs",
        Author = "Pierluigi Paganini",
        Url = "https://example.org/a-1",
        Published = new DateTimeOffset(2018, 4, 27, 9, 30, 0, TimeSpan.Zero),
        Tags = ["Europol", "IS", "Europol"],
        Organisations = ["Interpol"],
    };

    [Fact]
    public void Hit_record_round_trips_everything_but_the_body()
    {
        var mentions = new List<OrganisationMention>
        {
            new("Europol", "Europol", ArticleFields.Title, 0, 7),
            new("Nowhere Group", "Nowhere", "summary", 3, 10),
        };
        Article decoded = HitRecordCodec.Decode(HitRecordCodec.Encode(Sample, ["Europol", "Interpol"], mentions));

        Assert.Equal(Sample.Id, decoded.Id);
        Assert.Equal(Sample.Title, decoded.Title);
        Assert.Equal("", decoded.Body);
        Assert.Equal(Sample.Source, decoded.Source);
        Assert.Equal(Sample.Author, decoded.Author);
        Assert.Equal(Sample.Url, decoded.Url);
        Assert.Equal(Sample.Published, decoded.Published);
        Assert.Equal(Sample.Tags, decoded.Tags);
        Assert.Equal(["Europol", "Interpol"], decoded.Organisations);
        Assert.Equal(mentions, decoded.Mentions);
    }

    [Fact]
    public void Hit_record_keeps_a_missing_date_missing()
    {
        Article decoded = HitRecordCodec.Decode(HitRecordCodec.Encode(Sample with { Published = null }, [], []));

        Assert.Null(decoded.Published);
        Assert.Empty(decoded.Mentions);
    }

    [Fact]
    public void Reads_hits_from_the_record_and_the_body_only_when_asked()
    {
        var mapper = new ArticleDocumentMapper(new OrganisationExtractor());
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ArticleAnalyzer.Version, ArticleAnalyzer.Create())))
        {
            writer.AddDocument(mapper.ToDocument(Sample));
        }
        using var reader = DirectoryReader.Open(directory);
        var articles = new IndexedArticleReader(reader);

        Article hit = articles.Read(0, includeBody: false);
        Article whole = articles.Read(0, includeBody: true);
        Article source = articles.ReadSource(0);

        Assert.Equal("", hit.Body);
        Assert.Equal(Sample.Body, whole.Body);
        Assert.Equal(["Europol", "IS"], hit.Tags);
        Assert.Contains("Europol", hit.Organisations);
        Assert.Contains("European Union Internet Referral Unit", hit.Organisations);
        Assert.Contains(hit.Mentions, m => m is { Organisation: "Europol", Field: ArticleFields.Title, Start: 0, End: 7 });
        Assert.Equal(Sample.Published, hit.Published);
        Assert.Equal(["Interpol"], source.Organisations);
        Assert.Empty(source.Mentions);
        Assert.Equal(Sample.Body, source.Body);
    }

    [Fact]
    public void Reads_articles_indexed_before_hit_records_from_their_stored_fields()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ArticleAnalyzer.Version, ArticleAnalyzer.Create())))
        {
            // The layout of earlier versions: every field stored, mentions as JSON, no hit record.
            writer.AddDocument(new Document
            {
                new StringField(ArticleFields.Id, "old-1", Field.Store.YES),
                new Field(ArticleFields.Title, "Old title", ArticleFieldTypes.TextWithOffsets),
                new Field(ArticleFields.Body, "Old body about Europol.", ArticleFieldTypes.TextWithOffsets),
                new StoredField(ArticleFields.Source, "Reuters"),
                new StoredField(ArticleFields.Organisation, "Europol"),
                new StoredField(ArticleFields.GivenOrganisation, "Interpol"),
                new StoredField(ArticleFields.Mentions, MentionCodec.Encode([new OrganisationMention("Europol", "Europol", ArticleFields.Body, 15, 22)])),
            });
            // A new-layout article in the same segment: its record must be read, not the other's fallback.
            writer.AddDocument(new ArticleDocumentMapper(new OrganisationExtractor()).ToDocument(Sample));
        }
        using var reader = DirectoryReader.Open(directory);
        var articles = new IndexedArticleReader(reader);

        Article old = articles.Read(0, includeBody: true);
        Article current = articles.Read(1, includeBody: false);

        Assert.Equal(("old-1", "Old title", "Old body about Europol.", "Reuters"), (old.Id, old.Title, old.Body, old.Source));
        Assert.Equal(["Europol"], old.Organisations);
        Assert.Equal(22, Assert.Single(old.Mentions).End);
        Assert.Equal(["Interpol"], articles.ReadSource(0).Organisations);
        Assert.Equal(Sample.Id, current.Id);
    }
}
