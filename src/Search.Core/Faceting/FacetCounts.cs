using Lucene.Net.Index;
using Search.Core.Schema;

namespace Search.Core.Faceting;

/// <summary>
/// Counts per facet value for the documents one search matched. Values are decoded from the reader on
/// demand, so call <see cref="Top"/> before the searcher (and its reader) is released.
/// </summary>
public sealed class FacetCounts
{
    private readonly IndexReader reader;
    private readonly Dictionary<string, (FacetFieldOrdinals Ordinals, int[] Counts)> byField;

    internal FacetCounts(IndexReader reader, int totalHits, Dictionary<string, (FacetFieldOrdinals Ordinals, int[] Counts)> byField)
    {
        this.reader = reader;
        TotalHits = totalHits;
        this.byField = byField;
    }

    /// <summary>Number of documents counted.</summary>
    public int TotalHits { get; }

    /// <summary>The facet fields that were counted.</summary>
    public IReadOnlyCollection<string> Fields => byField.Keys;

    /// <summary>
    /// The values to show for <paramref name="field"/>, only values with a non-zero count. For
    /// <see cref="ArticleFields.Published"/>: the <paramref name="limit"/> most recent months, oldest first.
    /// Otherwise: the <paramref name="limit"/> highest counts, ties by value in ordinal order.
    /// </summary>
    public IReadOnlyList<FacetValueCount> Top(string field, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var entry = Entry(field);
        var lookup = new FacetValueLookup(reader, entry.Ordinals);
        return field == ArticleFields.Published
            ? FacetTopSelector.MostRecent(entry.Counts, limit, lookup.Lookup)
            : FacetTopSelector.ByCount(entry.Counts, limit, lookup.Lookup);
    }

    /// <summary>
    /// As <see cref="Top"/>, among the given global ordinals only (each at most once), so values outside them are
    /// never decoded. Months come in chronological order here: a prefix such as "2018" picks a year's months.
    /// </summary>
    internal IReadOnlyList<FacetValueCount> TopAmong(string field, IEnumerable<int> globalOrdinals, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var (ordinals, counts) = Entry(field);
        var lookup = new FacetValueLookup(reader, ordinals);
        if (field != ArticleFields.Published)
        {
            return FacetTopSelector.ByCount(counts, globalOrdinals, limit, lookup.Lookup);
        }
        return globalOrdinals.Where(ord => counts[ord] != 0).Order().Take(limit)
            .Select(ord => new FacetValueCount(lookup.Lookup(ord), counts[ord])).ToList();
    }

    /// <summary>The segments counted and how their ordinals of <paramref name="field"/> map to global ones.</summary>
    internal (IList<AtomicReaderContext> Segments, FacetFieldOrdinals Ordinals) OrdinalSpace(string field) => (reader.Leaves, Entry(field).Ordinals);

    private (FacetFieldOrdinals Ordinals, int[] Counts) Entry(string field) =>
        byField.TryGetValue(field, out var entry) ? entry : throw new ArgumentException($"Facet field '{field}' was not counted.", nameof(field));

    internal static void ValidateField(string field)
    {
        if (!ArticleFields.FacetFields.Contains(field))
        {
            throw new ArgumentException(
                $"Unknown facet field '{field}'; expected one of: {string.Join(", ", ArticleFields.FacetFields)}.", nameof(field));
        }
    }
}
