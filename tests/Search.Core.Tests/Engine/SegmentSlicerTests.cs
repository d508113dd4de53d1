using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Querying;

namespace Search.Core.Tests.Engine;

public sealed class SegmentSlicerTests : IDisposable
{
    private static readonly int[] SegmentSizes = [5, 17, 3, 11];
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;

    public SegmentSlicerTests()
    {
        var config = new IndexWriterConfig(ArticleAnalyzer.Version, ArticleAnalyzer.Create()) { MergePolicy = NoMergePolicy.NO_COMPOUND_FILES };
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (int size in SegmentSizes)
            {
                for (int i = 0; i < size; i++)
                {
                    writer.AddDocument(new Document { new StringField("n", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.NO) });
                }
                writer.Commit();
            }
        }
        _reader = DirectoryReader.Open(_directory);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    public void Slices_cover_every_document_once_in_order_and_about_evenly(int cores)
    {
        Assert.Equal(SegmentSizes.Length, _reader.Leaves.Count);

        DocRange[][] slices = SegmentSlicer.Slice(_reader.Leaves, cores, minDocsToSplit: 0);

        Assert.InRange(slices.Length, 2, cores);
        var covered = slices.SelectMany(slice => slice.SelectMany(r => Enumerable.Range(r.From, r.To - r.From).Select(d => r.Leaf.DocBase + d))).ToList();
        Assert.Equal(Enumerable.Range(0, _reader.MaxDoc), covered);
        var sizes = slices.Select(slice => slice.Sum(r => r.To - r.From)).ToList();
        int most = (_reader.MaxDoc + cores - 1) / cores;
        Assert.All(sizes, size => Assert.InRange(size, 1, most));
        Assert.All(slices.SelectMany(slice => slice), r => Assert.True(r.From < r.To && r.To <= r.Leaf.AtomicReader.MaxDoc));
    }

    [Fact]
    public void A_small_index_or_a_single_core_keeps_one_slice_of_whole_segments()
    {
        DocRange[][] small = SegmentSlicer.Slice(_reader.Leaves, 2, minDocsToSplit: _reader.MaxDoc + 1);
        DocRange[][] oneCore = SegmentSlicer.Slice(_reader.Leaves, 1, minDocsToSplit: 0);

        foreach (DocRange[][] slices in new[] { small, oneCore })
        {
            DocRange[] only = Assert.Single(slices);
            Assert.Equal(SegmentSizes, only.Select(r => r.To - r.From));
            Assert.All(only, r => Assert.Equal(0, r.From));
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
