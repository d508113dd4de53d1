using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Model;
using Search.Core.Organisations;
using Search.Core.Querying;
using Search.Core.Schema;

namespace Search.Core.Tests.Schema;

public sealed class PublishedRangeTests
{
    private static readonly DateTimeOffset April2018 = new(2018, 4, 27, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset March2019 = new(2019, 3, 2, 17, 5, 11, TimeSpan.Zero);
    private static readonly DateTimeOffset July2020 = new(2020, 7, 14, 0, 0, 1, TimeSpan.Zero);

    [Theory]
    [InlineData("2018-04-27T09:30:00Z", "2018-04-27T09:30:00Z", new[] { 0, 3 })]
    [InlineData("2018-01-01T00:00:00Z", "2019-12-31T23:59:59Z", new[] { 0, 1, 3, 4 })]
    [InlineData("2018-04-27T09:30:00.001Z", "2020-07-14T00:00:01Z", new[] { 1, 2, 4, 5 })]
    [InlineData("2020-07-14T00:00:01.001Z", "2030-01-01T00:00:00Z", new int[0])]
    public void Range_filters_match_articles_indexed_with_either_precision_step(string from, string to, int[] expected)
    {
        using var directory = new RAMDirectory();
        var mapper = new ArticleDocumentMapper(new OrganisationExtractor());
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ArticleAnalyzer.Version, ArticleAnalyzer.Create())))
        {
            // Docs 0-2: the earlier layout, Lucene's default precision step (4); docs 3-5: the current mapper.
            foreach (DateTimeOffset published in new[] { April2018, March2019, July2020 })
            {
                writer.AddDocument(new Document { new Int64Field(ArticleFields.Published, published.ToUnixTimeMilliseconds(), Field.Store.NO) });
            }
            foreach (DateTimeOffset published in new[] { April2018, March2019, July2020 })
            {
                writer.AddDocument(mapper.ToDocument(new Article { Id = $"a-{published:yyyy}", Title = "t", Body = "b", Published = published }));
            }
        }
        using var reader = DirectoryReader.Open(directory);
        var filter = new SearchFilterSpec
        {
            PublishedFrom = DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            PublishedTo = DateTimeOffset.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
        };
        Query range = new FilterBuilder(new OrganisationExtractor()).Build(filter)[ArticleFields.Published];

        int[] found = new IndexSearcher(reader).Search(range, 10).ScoreDocs.Select(hit => hit.Doc).Order().ToArray();

        Assert.Equal(expected, found);
    }
}
