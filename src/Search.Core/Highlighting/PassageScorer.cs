namespace Search.Core.Highlighting;

/// <summary>
/// Scores passages BM25-style: per distinct query key a saturating function of its frequency, times the key's
/// weight (boost and idf), so two different words beat one word twice; shorter passages and earlier passages
/// win ties (the lead of an article tends to summarise it).
/// </summary>
internal static class PassageScorer
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;

    /// <summary>Scores each passage; <paramref name="matches"/> and <paramref name="passages"/> are sorted by start.</summary>
    public static void Score(HighlightScratch scratch, int keyCount, int fragmentSize, List<(float Score, int Index)> scored)
    {
        List<MatchSpan> matches = scratch.Matches;
        List<TextSpan> passages = scratch.Passages;
        scratch.EnsureKeys(keyCount);
        int[] frequencies = scratch.KeyFrequencies;
        float[] weights = scratch.KeyWeights;
        int cursor = 0;
        for (int p = 0; p < passages.Count; p++)
        {
            TextSpan passage = passages[p];
            while (cursor < matches.Count && matches[cursor].Start < passage.Start)
            {
                cursor++;
            }

            int first = cursor;
            while (cursor < matches.Count && matches[cursor].Start < passage.End)
            {
                MatchSpan match = matches[cursor++];
                frequencies[match.Key]++;
                weights[match.Key] = Math.Max(weights[match.Key], match.Weight);
            }

            if (cursor == first)
            {
                continue;
            }

            float lengthNorm = K1 * (1 - B + B * passage.Length / (float)fragmentSize);
            float score = 0;
            for (int i = first; i < cursor; i++)
            {
                int key = matches[i].Key;
                int tf = frequencies[key];
                if (tf == 0)
                {
                    continue;
                }

                score += weights[key] * tf * (K1 + 1) / (tf + lengthNorm);
                frequencies[key] = 0;
                weights[key] = 0;
            }

            float positionNorm = 1 + 1 / MathF.Log(fragmentSize + passage.Start);
            scored.Add((score * positionNorm, p));
        }
    }
}
