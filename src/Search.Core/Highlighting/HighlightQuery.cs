using Lucene.Net.Index;

namespace Search.Core.Highlighting;

/// <summary>
/// A query prepared once per search by <see cref="ArticleHighlighter.Prepare"/>: its highlightable terms, phrases and
/// multi-term queries per field. Immutable apart from per-segment caches that are safe to fill from several threads.
/// </summary>
public sealed class HighlightQuery
{
    private readonly Dictionary<string, FieldQuery> fields;

    internal HighlightQuery(Dictionary<string, FieldQuery> fields, IndexReaderContext topContext)
    {
        this.fields = fields;
        TopContext = topContext;
    }

    /// <summary>The searcher's top-level reader context: term states and caches are valid only for its leaves.</summary>
    internal IndexReaderContext TopContext { get; }

    /// <summary>Fields the query can highlight.</summary>
    public IReadOnlyCollection<string> Fields => fields.Keys;

    internal FieldQuery? GetField(string field) => fields.GetValueOrDefault(field);
}
