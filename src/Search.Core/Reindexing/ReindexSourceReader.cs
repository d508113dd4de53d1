using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Ingest;
using Search.Core.Model;
using Search.Core.Schema;

namespace Search.Core.Reindexing;

/// <summary>
/// Reads a rebuild's articles: the live generation's stored articles (as given, so organisations are
/// re-extracted) from a searcher held for the whole copy, then files, which win for the same id.
/// </summary>
internal sealed class ReindexSourceReader(ReindexRequest request, IndexSearcher? live, ArticleReaderOptions fileOptions)
{
    public bool ReadsLive => live is not null;

    /// <summary>
    /// Number of records to read: live articles plus non-blank JSON lines and text files (an estimate for files:
    /// a line that fails to parse still counts). Lines are counted from raw bytes, so this pass is cheap beside the read.
    /// </summary>
    public long CountTotal()
    {
        long total = live?.IndexReader.NumDocs ?? 0;
        var enumeration = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        foreach (string path in request.Paths)
        {
            IEnumerable<string> files = Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", enumeration) : [path];
            foreach (string file in files)
            {
                string extension = Path.GetExtension(file).ToLowerInvariant();
                if (extension == ".txt")
                {
                    total++;
                }
                else if (extension is ".jsonl" or ".json" && File.Exists(file))
                {
                    total += JsonLinesRecordCounter.Count(file);
                }
            }
        }
        return total;
    }

    public IEnumerable<IngestRecord> Read(CancellationToken cancellation)
    {
        if (live is not null)
        {
            foreach (Article article in ReadLive(live, cancellation))
            {
                yield return IngestRecord.Ok(article);
            }
        }
        if (request.Paths.Count > 0)
        {
            foreach (IngestRecord record in ArticleFileReader.Read(request.Paths, fileOptions))
            {
                cancellation.ThrowIfCancellationRequested();
                yield return record;
            }
        }
    }

    private static IEnumerable<Article> ReadLive(IndexSearcher searcher, CancellationToken cancellation)
    {
        var articles = new IndexedArticleReader(searcher.IndexReader);
        foreach (AtomicReaderContext leaf in searcher.IndexReader.Leaves)
        {
            AtomicReader reader = leaf.AtomicReader;
            IBits? liveDocs = reader.LiveDocs;
            for (int doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (liveDocs is not null && !liveDocs.Get(doc))
                {
                    continue;
                }
                if ((doc & 1023) == 0)
                {
                    cancellation.ThrowIfCancellationRequested();
                }
                yield return articles.ReadSource(leaf.DocBase + doc);
            }
        }
    }
}
