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
        var heap = NewHeap();
        for (int ord = 0; ord < counts.Length && limit > 0; ord++)
        {
            Offer(heap, ord, counts[ord], limit, lookup);
        }
        return Drain(heap);
    }

    /// <summary>As <see cref="ByCount(int[], int, Func{int, string})"/>, over the given ordinals only (each at most once).</summary>
    public static List<FacetValueCount> ByCount(int[] counts, IEnumerable<int> ordinals, int limit, Func<int, string> lookup)
    {
        var heap = NewHeap();
        foreach (int ord in ordinals)
        {
            if (limit > 0)
            {
                Offer(heap, ord, counts[ord], limit, lookup);
            }
        }
        return Drain(heap);
    }

    /// <summary>Heap order puts the worst entry on top: lowest count, then greatest value.</summary>
    private static PriorityQueue<FacetValueCount, FacetValueCount> NewHeap() => new(WorstFirst.Instance);

    private static void Offer(PriorityQueue<FacetValueCount, FacetValueCount> heap, int ord, int count, int limit, Func<int, string> lookup)
    {
        if (count == 0)
        {
            return;
        }

        if (heap.Count < limit)
        {
            var entry = new FacetValueCount(lookup(ord), count);
            heap.Enqueue(entry, entry);
            return;
        }

        // Cheap rejection first: most ordinals lose on count alone and are never decoded.
        if (count < heap.Peek().Count)
        {
            return;
        }

        var candidate = new FacetValueCount(lookup(ord), count);
        if (WorstFirst.Instance.Compare(candidate, heap.Peek()) > 0)
        {
            heap.DequeueEnqueue(candidate, candidate);
        }
    }

    private static List<FacetValueCount> Drain(PriorityQueue<FacetValueCount, FacetValueCount> heap)
    {
        var result = new List<FacetValueCount>(heap.Count);
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
