using Lucene.Net.Index;

namespace Search.Core.Highlighting;

/// <summary>
/// Reads a hit's matches straight from its segment's postings (positions and offsets are indexed), so the stored
/// text is never re-analysed. One instance per thread: it keeps reusable buffers between hits.
/// </summary>
internal sealed class PostingsMatchCollector
{
    private List<PhraseToken>[] slotBuffers = [];
    private DocsAndPositionsEnum? postings;

    public void Collect(
        HighlightQuery query, FieldQuery fieldQuery, AtomicReaderContext leaf, int docId, string field, int textLength, List<MatchSpan> output)
    {
        Terms? terms = leaf.AtomicReader.GetTerms(field);
        if (terms is null || !terms.HasOffsets)
        {
            return;
        }

        TermsEnum termsEnum = terms.GetEnumerator();

        // Term states and expansion caches were made for the searcher's leaves; a leaf of another reader seeks by bytes.
        bool sameReader = ReferenceEquals(ReaderUtil.GetTopLevelContext(leaf), query.TopContext);
        try
        {
            foreach (HighlightTerm term in fieldQuery.Terms)
            {
                if (Seek(termsEnum, term, leaf, sameReader) && AdvanceTo(termsEnum, docId) is { } docPostings)
                {
                    ReadMatches(docPostings, term.Key, term.Weight, textLength, output);
                }
            }

            foreach (HighlightPhrase phrase in fieldQuery.Phrases)
            {
                if (CollectPhraseTokens(termsEnum, phrase, leaf, sameReader, docId, textLength))
                {
                    PhraseMatcher.Match(phrase, slotBuffers, output);
                }
            }

            foreach (HighlightMultiTerm multiTerm in fieldQuery.MultiTerms)
            {
                foreach (ExpandedTerm expanded in multiTerm.Expand(leaf, terms, sameReader))
                {
                    termsEnum.SeekExact(expanded.Bytes, expanded.State);
                    if (AdvanceTo(termsEnum, docId) is { } docPostings)
                    {
                        ReadMatches(docPostings, multiTerm.Key, multiTerm.Weight, textLength, output);
                    }
                }
            }
        }
        finally
        {
            // Do not keep a closed reader's postings alive between hits.
            postings = null;
        }
    }

    private static bool Seek(TermsEnum termsEnum, HighlightTerm term, AtomicReaderContext leaf, bool sameReader)
    {
        if (sameReader && term.Context is { } context)
        {
            if (context.Get(leaf.Ord) is not { } state)
            {
                return false;
            }

            termsEnum.SeekExact(term.Bytes, state);
            return true;
        }

        return termsEnum.SeekExact(term.Bytes);
    }

    private DocsAndPositionsEnum? AdvanceTo(TermsEnum termsEnum, int docId)
    {
        postings = termsEnum.DocsAndPositions(null, postings, DocsAndPositionsFlags.OFFSETS);
        return postings is not null && postings.Advance(docId) == docId ? postings : null;
    }

    private static void ReadMatches(DocsAndPositionsEnum docPostings, int key, float weight, int textLength, List<MatchSpan> output)
    {
        int freq = docPostings.Freq;
        for (int i = 0; i < freq; i++)
        {
            docPostings.NextPosition();
            int start = docPostings.StartOffset;
            int end = docPostings.EndOffset;
            if (IsValid(start, end, textLength))
            {
                output.Add(new MatchSpan(start, end, key, weight));
            }
        }
    }

    /// <summary>Fills one buffer per phrase slot; false when some slot's words do not occur in the document.</summary>
    private bool CollectPhraseTokens(
        TermsEnum termsEnum, HighlightPhrase phrase, AtomicReaderContext leaf, bool sameReader, int docId, int textLength)
    {
        HighlightTerm[][] slots = phrase.Slots;
        EnsureSlotBuffers(slots.Length);
        for (int i = 0; i < slots.Length; i++)
        {
            List<PhraseToken> buffer = slotBuffers[i];
            buffer.Clear();
            foreach (HighlightTerm term in slots[i])
            {
                if (!Seek(termsEnum, term, leaf, sameReader) || AdvanceTo(termsEnum, docId) is not { } docPostings)
                {
                    continue;
                }

                int freq = docPostings.Freq;
                for (int j = 0; j < freq; j++)
                {
                    int position = docPostings.NextPosition();
                    if (IsValid(docPostings.StartOffset, docPostings.EndOffset, textLength))
                    {
                        buffer.Add(new PhraseToken(position, docPostings.StartOffset, docPostings.EndOffset));
                    }
                }
            }

            if (buffer.Count == 0)
            {
                return false;
            }

            if (slots[i].Length > 1)
            {
                buffer.Sort((a, b) => a.Position.CompareTo(b.Position));
            }
        }

        return true;
    }

    private void EnsureSlotBuffers(int count)
    {
        if (slotBuffers.Length >= count)
        {
            return;
        }

        var buffers = new List<PhraseToken>[count];
        for (int i = 0; i < count; i++)
        {
            buffers[i] = i < slotBuffers.Length ? slotBuffers[i] : [];
        }

        slotBuffers = buffers;
    }

    // Offsets that do not fit the stored text (a field indexed from other text) are ignored rather than trusted.
    private static bool IsValid(int start, int end, int textLength) => start >= 0 && end <= textLength && start < end;
}
