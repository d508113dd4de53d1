using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Faceting;
using Search.Core.Schema;

namespace Search.Core.Tests.Faceting;

public sealed class SegmentOrdinalsTests : IDisposable
{
    private static readonly string OrganisationField = ArticleFields.DocValuesName(ArticleFields.Organisation);
    private static readonly string SourceField = ArticleFields.DocValuesName(ArticleFields.Source);
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;

    public SegmentOrdinalsTests()
    {
        string[][] organisations = [["Nato", "Europol"], [], ["Interpol"], ["Europol", "Interpol", "FBI"], ["FBI"]];
        string?[] sources = ["Reuters", null, "Threatpost", "Reuters", null];
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(ArticleAnalyzer.Version, ArticleAnalyzer.Create())))
        {
            for (int i = 0; i < organisations.Length; i++)
            {
                var doc = new Document();
                foreach (string organisation in organisations[i])
                {
                    doc.Add(new SortedSetDocValuesField(OrganisationField, new BytesRef(organisation)));
                }
                if (sources[i] is { } source)
                {
                    doc.Add(new SortedSetDocValuesField(SourceField, new BytesRef(source)));
                }
                writer.AddDocument(doc);
            }
        }
        _reader = DirectoryReader.Open(_directory);
    }

    [Fact]
    public void Multi_valued_ordinals_are_every_documents_ordinals_as_Lucene_reads_them()
    {
        AtomicReader segment = Assert.Single(_reader.Leaves).AtomicReader;
        SortedSetDocValues values = segment.GetSortedSetDocValues(OrganisationField);

        SegmentOrdinals loaded = SegmentOrdinals.Get(segment, OrganisationField, values);

        Assert.Null(loaded.Single);
        for (int doc = 0; doc < segment.MaxDoc; doc++)
        {
            var expected = new List<int>();
            values.SetDocument(doc);
            for (long ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
            {
                expected.Add((int)ord);
            }
            Assert.Equal(expected, loaded.Ordinals[loaded.Starts[doc]..loaded.Starts[doc + 1]]);
        }
        Assert.Equal(7, loaded.Ordinals.Length);
    }

    [Fact]
    public void Single_valued_ordinals_have_minus_one_for_documents_without_a_value()
    {
        AtomicReader segment = Assert.Single(_reader.Leaves).AtomicReader;
        SortedSetDocValues values = segment.GetSortedSetDocValues(SourceField);

        SegmentOrdinals loaded = SegmentOrdinals.Get(segment, SourceField, values);

        SortedDocValues sorted = DocValues.UnwrapSingleton(values);
        Assert.Equal(Enumerable.Range(0, segment.MaxDoc).Select(sorted.GetOrd), loaded.Single!);
        Assert.Equal(-1, loaded.Single![1]);
    }

    [Fact]
    public void A_segment_is_loaded_once_and_warming_loads_what_searches_then_find()
    {
        SegmentOrdinals.Warm(_reader);
        AtomicReader segment = _reader.Leaves[0].AtomicReader;

        // Handed empty doc values, Get can only answer with what warming loaded.
        SegmentOrdinals first = SegmentOrdinals.Get(segment, OrganisationField, DocValues.EMPTY_SORTED_SET);
        SegmentOrdinals again = SegmentOrdinals.Get(segment, OrganisationField, segment.GetSortedSetDocValues(OrganisationField));

        Assert.Equal(7, first.Ordinals.Length);
        Assert.Same(first, again);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
