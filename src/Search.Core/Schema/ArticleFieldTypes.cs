using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace Search.Core.Schema;

/// <summary>Lucene field types of the schema.</summary>
public static class ArticleFieldTypes
{
    /// <summary>
    /// Precision step of the published time's trie terms. Lucene's default (4) writes 16 terms per article, a
    /// quarter of the index's term dictionary on news corpora; 16 writes 4 and keeps a range query to a few
    /// hundred terms. Queries use the same step, and an index written with step 4 also holds every term a
    /// step-16 query asks for (shifts 0, 16, 32 and 48), so old indexes answer the same.
    /// </summary>
    public const int PublishedPrecisionStep = 16;

    /// <summary>
    /// Body: analysed, stored, with positions and offsets in the postings so the highlighter can find matches
    /// (and phrases) without re-analysing the stored text.
    /// </summary>
    public static readonly FieldType TextWithOffsets = CreateText(stored: true);

    /// <summary>
    /// Title: as the body but not stored; the hit record holds the title, and a stored copy would only make
    /// every stored-fields block larger.
    /// </summary>
    public static readonly FieldType TextWithOffsetsNotStored = CreateText(stored: false);

    /// <summary>
    /// Keyword values (id, source, tag, ...): one term per value, no norms, no positions, not stored. Unlike
    /// Lucene's StringField the value goes through the analyzer (a keyword tokenizer, which emits it whole):
    /// the analyzer reuses one token stream per field and thread, where a StringField builds a new one for
    /// every value, which cost a fifth of the indexing time in attribute set-up and its lock.
    /// </summary>
    public static readonly FieldType Keyword = CreateKeyword();

    /// <summary>Publication time in milliseconds, with <see cref="PublishedPrecisionStep"/>.</summary>
    public static readonly FieldType Published = CreatePublished();

    private static FieldType CreateText(bool stored)
    {
        var type = new FieldType(stored ? TextField.TYPE_STORED : TextField.TYPE_NOT_STORED)
        {
            IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
        };
        type.Freeze();
        return type;
    }

    private static FieldType CreateKeyword()
    {
        var type = new FieldType(StringField.TYPE_NOT_STORED) { IsTokenized = true };
        type.Freeze();
        return type;
    }

    private static FieldType CreatePublished()
    {
        var type = new FieldType(Int64Field.TYPE_NOT_STORED) { NumericPrecisionStep = PublishedPrecisionStep };
        type.Freeze();
        return type;
    }
}
