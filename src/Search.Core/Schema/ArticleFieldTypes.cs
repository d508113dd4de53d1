using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace Search.Core.Schema;

/// <summary>Lucene field types of the schema.</summary>
public static class ArticleFieldTypes
{
    /// <summary>
    /// Title and body: analysed, stored, with positions and offsets in the postings so the highlighter can
    /// find matches (and phrases) without re-analysing the stored text.
    /// </summary>
    public static readonly FieldType TextWithOffsets = CreateTextWithOffsets();

    private static FieldType CreateTextWithOffsets()
    {
        var type = new FieldType(TextField.TYPE_STORED)
        {
            IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
        };
        type.Freeze();
        return type;
    }
}
