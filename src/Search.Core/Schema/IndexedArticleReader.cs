using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Model;

namespace Search.Core.Schema;

/// <summary>
/// Reads articles back out of the index: the hit record doc value for what a hit shows, stored fields only for
/// the body and the feed's own organisations. Not thread-safe (doc values instances and the scratch buffer are
/// per caller): create one per search.
/// </summary>
public sealed class IndexedArticleReader
{
    private static readonly HashSet<string> BodyOnly = new(StringComparer.Ordinal) { ArticleFields.Body };
    private static readonly HashSet<string> SourceFields = new(StringComparer.Ordinal) { ArticleFields.Body, ArticleFields.GivenOrganisation };

    private readonly IList<AtomicReaderContext> leaves;
    private readonly BinaryDocValues?[] records;
    private readonly bool[] recordsLoaded;
    private readonly BytesRef scratch = new();

    public IndexedArticleReader(IndexReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        leaves = reader.Leaves;
        records = new BinaryDocValues?[leaves.Count];
        recordsLoaded = new bool[leaves.Count];
    }

    /// <summary>The article at top-level doc id <paramref name="doc"/>; the body only when asked for.</summary>
    public Article Read(int doc, bool includeBody)
    {
        var (index, leaf, leafDoc) = Locate(doc);
        Article? shown = ReadRecord(index, leafDoc);
        if (shown is null)
        {
            return ArticleDocumentMapper.FromDocument(leaf.AtomicReader.Document(leafDoc), includeBody);
        }
        return includeBody ? shown with { Body = leaf.AtomicReader.Document(leafDoc, BodyOnly).Get(ArticleFields.Body) ?? "" } : shown;
    }

    /// <summary>The article as the feed gave it (its own organisations, no mentions), for a rebuild.</summary>
    public Article ReadSource(int doc)
    {
        var (index, leaf, leafDoc) = Locate(doc);
        Article? shown = ReadRecord(index, leafDoc);
        if (shown is null)
        {
            return ArticleDocumentMapper.SourceArticleFromDocument(leaf.AtomicReader.Document(leafDoc));
        }
        var stored = leaf.AtomicReader.Document(leafDoc, SourceFields);
        return shown with
        {
            Body = stored.Get(ArticleFields.Body) ?? "",
            Organisations = stored.GetValues(ArticleFields.GivenOrganisation),
            Mentions = [],
        };
    }

    private (int Index, AtomicReaderContext Leaf, int LeafDoc) Locate(int doc)
    {
        int index = ReaderUtil.SubIndex(doc, leaves);
        return (index, leaves[index], doc - leaves[index].DocBase);
    }

    /// <summary>Null for an article indexed before hit records existed.</summary>
    private Article? ReadRecord(int index, int leafDoc)
    {
        if (!recordsLoaded[index])
        {
            records[index] = leaves[index].AtomicReader.GetBinaryDocValues(ArticleFields.HitRecord);
            recordsLoaded[index] = true;
        }
        BinaryDocValues? values = records[index];
        if (values is null)
        {
            return null;
        }
        values.Get(leafDoc, scratch);
        return scratch.Length == 0 ? null : HitRecordCodec.Decode(scratch);
    }
}
