namespace Search.Core.Faceting;

/// <summary>Picks the values to show from an array of counts indexed by global ordinal.</summary>
internal static class FacetTopSelector
{
    /// <summary>
    /// The <paramref name="limit"/> values with the highest counts, ties broken by value in ordinal (UTF-16
    /// code unit) order. A bounded heap keeps the cost at O(n log limit), and values are only decoded for
    /// ordinals whose count can still enter the heap.
    /// </summary>
    public static List<FacetValueCount> ByCount(int[] counts, int limit, Func<int, string> lookup)
    {
        var result = new List<FacetValueCount>();
        if (limit <= 0)
        {
            return result;
        }

        // Heap order puts the worst entry on top: lowest count, then greatest value.
        var heap = new PriorityQueue<FacetValueCount, FacetValueCount>(WorstFirst.Instance);
        for (int ord = 0; ord < counts.Length; ord++)
        {
            int count = counts[ord];
            if (count == 0)
            {
                continue;
            }

            if (heap.Count < limit)
            {
                var entry = new FacetValueCount(lookup(ord), count);
                heap.Enqueue(entry, entry);
                continue;
            }

            // Cheap rejection first: most ordinals lose on count alone and are never decoded.
            long worstCount = heap.Peek().Count;
            if (count < worstCount)
            {
                continue;
            }

            var candidate = new FacetValueCount(lookup(ord), count);
            if (WorstFirst.Instance.Compare(candidate, heap.Peek()) > 0)
            {
                heap.DequeueEnqueue(candidate, candidate);
            }
        }

        while (heap.Count > 0)
        {
            result.Add(heap.Dequeue());
        }

        result.Reverse();
        return result;
    }

    /// <summary>
    /// For month values ("2018-04", ordinal order = chronological): the <paramref name="limit"/> most recent
    /// months with a non-zero count, oldest first.
    /// </summary>
    public static List<FacetValueCount> MostRecent(int[] counts, int limit, Func<int, string> lookup)
    {
        var result = new List<FacetValueCount>();
        for (int ord = counts.Length - 1; ord >= 0 && result.Count < limit; ord--)
        {
            if (counts[ord] != 0)
            {
                result.Add(new FacetValueCount(lookup(ord), counts[ord]));
            }
        }

        result.Reverse();
        return result;
    }

    /// <summary>Orders "worse" results first: lower count, then ordinally greater value.</summary>
    private sealed class WorstFirst : IComparer<FacetValueCount>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(FacetValueCount? x, FacetValueCount? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            int byCount = x.Count.CompareTo(y.Count);
            return byCount != 0 ? byCount : string.CompareOrdinal(y.Value, x.Value);
        }
    }
}
