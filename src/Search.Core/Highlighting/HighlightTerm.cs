using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Search.Core.Highlighting;

/// <summary>
/// One indexed term to look up in a hit's postings. The <see cref="Context"/> holds the per-segment term
/// states found once per search, so a hit seeks straight to its postings instead of walking the terms
/// dictionary again.
/// </summary>
internal sealed class HighlightTerm(BytesRef bytes, TermContext? context, float weight, int key)
{
    public BytesRef Bytes { get; } = bytes;

    public TermContext? Context { get; } = context;

    /// <summary>Query boost times an idf, so rare words pick the passage.</summary>
    public float Weight { get; } = weight;

    /// <summary>Identity for passage scoring: repeats of one key count less than distinct keys.</summary>
    public int Key { get; } = key;
}
