using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Highlighting;

/// <summary>
/// Highlights title and body of search hits from the postings' offsets: matches are exact ranges of the stored
/// text (stemmed forms included, phrases as one span), passages are cut at sentence or word boundaries and the
/// output is HTML-escaped apart from the configured tags. Stateless and thread-safe; prepare once per search,
/// then call <see cref="Highlight"/> per hit and field.
/// </summary>
public sealed class ArticleHighlighter
{
    /// <summary>Smallest fragment size honoured: below it passages degenerate into single words.</summary>
    public const int MinFragmentSize = 20;

    /// <summary>Extracts the query's terms, phrases and multi-term queries per field (MUST_NOT clauses excluded).</summary>
    public HighlightQuery Prepare(Query query, IndexSearcher searcher)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(searcher);
        return QueryTermExtractor.Extract(query, searcher);
    }

    /// <summary>
    /// Highlights one field of one hit.
    /// </summary>
    /// <param name="prepared">From <see cref="Prepare"/> with the searcher that found the hit.</param>
    /// <param name="leaf">The hit's segment (<c>ReaderUtil.SubIndex</c> over the reader's leaves).</param>
    /// <param name="leafDocId">The hit's doc id within <paramref name="leaf"/>.</param>
    /// <param name="field">Field name, e.g. <c>ArticleFields.Body</c>.</param>
    /// <param name="text">The field's stored value (the text the offsets refer to).</param>
    /// <param name="settings">Fragment size, count, tags and fallback behaviour for this field.</param>
    public FieldHighlightResult Highlight(
        HighlightQuery prepared, AtomicReaderContext leaf, int leafDocId, string field, string? text, HighlightSettings settings)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrEmpty(text) || settings.MaxFragments <= 0)
        {
            return FieldHighlightResult.Empty(field);
        }

        HighlightScratch scratch = HighlightScratch.Current;
        scratch.Matches.Clear();
        scratch.Merged.Clear();
        scratch.Passages.Clear();
        scratch.Scored.Clear();

        FieldQuery? fieldQuery = prepared.GetField(field);
        if (fieldQuery is { IsEmpty: false })
        {
            scratch.Collector.Collect(prepared, fieldQuery, leaf, leafDocId, field, text.Length, scratch.Matches);
            SortAndMerge(scratch.Matches, scratch.Merged);
        }

        if (scratch.Merged.Count == 0 && !settings.FallbackToLeadingPassage)
        {
            return FieldHighlightResult.Empty(field);
        }

        if (settings.WholeField)
        {
            return new FieldHighlightResult(field, [CreateFragment(scratch, text, new TextSpan(0, text.Length), settings)]);
        }

        int fragmentSize = Math.Max(settings.FragmentSize, MinFragmentSize);
        if (scratch.Merged.Count == 0)
        {
            PassageSplitter.Split(text, fragmentSize, scratch.Merged, 1, scratch.Passages);
            return scratch.Passages.Count == 0
                ? FieldHighlightResult.Empty(field)
                : new FieldHighlightResult(field, [CreateFragment(scratch, text, scratch.Passages[0], settings)]);
        }

        PassageSplitter.Split(text, fragmentSize, scratch.Merged, int.MaxValue, scratch.Passages);
        PassageScorer.Score(scratch, fieldQuery!.KeyCount, fragmentSize, scratch.Scored);
        scratch.Scored.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Index.CompareTo(b.Index));
        int count = Math.Min(settings.MaxFragments, scratch.Scored.Count);
        var fragments = new HighlightFragment[count];
        for (int i = 0; i < count; i++)
        {
            fragments[i] = CreateFragment(scratch, text, scratch.Passages[scratch.Scored[i].Index], settings);
        }

        return new FieldHighlightResult(field, fragments);
    }

    /// <summary>Sorts matches by start and merges overlapping ones (a word inside a matched phrase) into tag ranges.</summary>
    private static void SortAndMerge(List<MatchSpan> matches, List<TextSpan> merged)
    {
        if (matches.Count == 0)
        {
            return;
        }

        matches.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        TextSpan current = new(matches[0].Start, matches[0].End);
        for (int i = 1; i < matches.Count; i++)
        {
            MatchSpan match = matches[i];
            if (match.Start < current.End)
            {
                current = current with { End = Math.Max(current.End, match.End) };
            }
            else
            {
                merged.Add(current);
                current = new TextSpan(match.Start, match.End);
            }
        }

        merged.Add(current);
    }

    private static HighlightFragment CreateFragment(HighlightScratch scratch, string text, TextSpan range, HighlightSettings settings)
    {
        TextSpan[] inside = MatchesWithin(scratch.Merged, range);
        string html = HtmlFragmentWriter.Write(scratch.Builder, text, range, inside, settings.PreTag, settings.PostTag);
        return new HighlightFragment(html, range.Start, range.End, inside);
    }

    private static TextSpan[] MatchesWithin(List<TextSpan> merged, TextSpan range)
    {
        int first = 0;
        while (first < merged.Count && merged[first].Start < range.Start)
        {
            first++;
        }

        int last = first;
        while (last < merged.Count && merged[last].End <= range.End)
        {
            last++;
        }

        return last == first ? [] : merged.GetRange(first, last - first).ToArray();
    }
}
