using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Schema;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Indexing;

/// <summary>Reads the size and shape of an index from one searcher's reader and the files of its directory.</summary>
internal static class IndexStatsReader
{
    public static IndexSnapshotStats Read(IndexReader reader, LuceneDirectory directory, DateTimeOffset? lastCommit)
    {
        long bytes = 0;
        foreach (string file in directory.ListAll())
        {
            try
            {
                bytes += directory.FileLength(file);
            }
            catch (FileNotFoundException)
            {
                // Merged away between listing and measuring.
            }
        }
        return new IndexSnapshotStats(reader.NumDocs, reader.NumDeletedDocs, bytes, reader.Leaves.Count, lastCommit, CountByGazetteerVersion(reader));
    }

    /// <summary>Live articles per gazetteer version that tagged them.</summary>
    private static Dictionary<string, long> CountByGazetteerVersion(IndexReader reader)
    {
        var byVersion = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(ArticleFields.GazetteerVersion);
            if (terms is null)
            {
                continue;
            }
            var termsEnum = terms.GetEnumerator();
            var live = leaf.AtomicReader.LiveDocs;
            while (termsEnum.MoveNext())
            {
                string version = termsEnum.Term.Utf8ToString();
                var docs = termsEnum.Docs(live, null, DocsFlags.NONE);
                long count = 0;
                while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    count++;
                }
                byVersion[version] = byVersion.GetValueOrDefault(version) + count;
            }
        }
        return byVersion;
    }
}
