namespace Search.Core.Highlighting;

/// <summary>
/// Finds a phrase's occurrences from the positions of its words in one document. Slop 0 yields one span from the
/// start of the first word to the end of the last; with slop, each word of an occurrence is its own span.
/// </summary>
internal static class PhraseMatcher
{
    /// <param name="slots">Per phrase slot, the occurrences of its word(s), sorted by position.</param>
    public static void Match(HighlightPhrase phrase, List<PhraseToken>[] slots, List<MatchSpan> output)
    {
        if (phrase.Slop == 0)
        {
            MatchExact(phrase, slots, output);
        }
        else
        {
            MatchSloppy(phrase, slots, output);
        }
    }

    private static void MatchExact(HighlightPhrase phrase, List<PhraseToken>[] slots, List<MatchSpan> output)
    {
        int[] positions = phrase.Positions;
        foreach (PhraseToken anchor in slots[0])
        {
            int basePosition = anchor.Position - positions[0];
            int start = anchor.Start;
            int end = anchor.End;
            bool matched = true;
            for (int i = 1; i < positions.Length && matched; i++)
            {
                int index = LowerBound(slots[i], basePosition + positions[i]);
                if (index < slots[i].Count && slots[i][index].Position == basePosition + positions[i])
                {
                    start = Math.Min(start, slots[i][index].Start);
                    end = Math.Max(end, slots[i][index].End);
                }
                else
                {
                    matched = false;
                }
            }

            if (matched)
            {
                output.Add(new MatchSpan(start, end, phrase.Key, phrase.Weight));
            }
        }
    }

    /// <summary>
    /// Approximates Lucene's sloppy phrase: for each occurrence of the first word, every other word takes its
    /// occurrence nearest to where the phrase expects it; the occurrence counts when the spread of the
    /// position-adjusted words is within the slop and no two words share a position.
    /// </summary>
    private static void MatchSloppy(HighlightPhrase phrase, List<PhraseToken>[] slots, List<MatchSpan> output)
    {
        int[] positions = phrase.Positions;
        Span<int> chosen = positions.Length <= 32 ? stackalloc int[positions.Length] : new int[positions.Length];
        foreach (PhraseToken anchor in slots[0])
        {
            int basePosition = anchor.Position - positions[0];
            int min = basePosition;
            int max = basePosition;
            for (int i = 1; i < positions.Length; i++)
            {
                chosen[i] = Nearest(slots[i], basePosition + positions[i]);
                int adjusted = slots[i][chosen[i]].Position - positions[i];
                min = Math.Min(min, adjusted);
                max = Math.Max(max, adjusted);
            }

            if (max - min > phrase.Slop || !DistinctPositions(anchor, slots, chosen))
            {
                continue;
            }

            output.Add(new MatchSpan(anchor.Start, anchor.End, phrase.Key, phrase.Weight));
            for (int i = 1; i < positions.Length; i++)
            {
                PhraseToken token = slots[i][chosen[i]];
                output.Add(new MatchSpan(token.Start, token.End, phrase.Key, phrase.Weight));
            }
        }
    }

    private static bool DistinctPositions(PhraseToken anchor, List<PhraseToken>[] slots, Span<int> chosen)
    {
        for (int i = 1; i < chosen.Length; i++)
        {
            int position = slots[i][chosen[i]].Position;
            if (position == anchor.Position)
            {
                return false;
            }

            for (int j = 1; j < i; j++)
            {
                if (slots[j][chosen[j]].Position == position)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static int Nearest(List<PhraseToken> tokens, int position)
    {
        int index = LowerBound(tokens, position);
        if (index == tokens.Count)
        {
            return index - 1;
        }

        if (index > 0 && position - tokens[index - 1].Position < tokens[index].Position - position)
        {
            return index - 1;
        }

        return index;
    }

    /// <summary>First index whose position is at least <paramref name="position"/>.</summary>
    private static int LowerBound(List<PhraseToken> tokens, int position)
    {
        int low = 0;
        int high = tokens.Count;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (tokens[middle].Position < position)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
