using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Search.Core.Tests.Faceting;

/// <summary>The fixture corpus built twice: many segments with deletes, and merged into one segment.</summary>
public sealed class FacetIndexFixture : IDisposable
{
    private readonly RAMDirectory multiDirectory = FacetTestCorpus.Build(singleSegment: false);
    private readonly RAMDirectory singleDirectory = FacetTestCorpus.Build(singleSegment: true);

    public FacetIndexFixture()
    {
        MultiSegmentReader = DirectoryReader.Open(multiDirectory);
        SingleSegmentReader = DirectoryReader.Open(singleDirectory);
    }

    public DirectoryReader MultiSegmentReader { get; }

    public DirectoryReader SingleSegmentReader { get; }

    public IndexSearcher Searcher(bool singleSegment) =>
        new(singleSegment ? SingleSegmentReader : MultiSegmentReader);

    public void Dispose()
    {
        MultiSegmentReader.Dispose();
        SingleSegmentReader.Dispose();
        multiDirectory.Dispose();
        singleDirectory.Dispose();
    }
}
