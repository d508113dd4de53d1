using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Querying;

/// <summary>
/// The id tie-break at the end of every sort, in the same order as Lucene's <c>TermOrdValComparer</c> (UTF-8
/// bytes of the id) but reading an id only when a comparison needs it. A tie-break decides only between hits
/// whose earlier sort values are equal, which in relevance order is rare; <c>TermOrdValComparer</c> still reads
/// the id's ord from disk for every hit that enters the queue, a random doc-values read that took a sixth of a
/// plain query's time. Here a competitive hit only remembers its segment and doc; its id is read, once, the
/// first time it must be compared or returned.
/// </summary>
internal sealed class LazyIdComparer : FieldComparer<BytesRef>
{
    private readonly string field;
    private readonly SortedDocValues?[] slotSegments;
    private readonly int[] slotDocs;
    private readonly BytesRef?[] slotIds;
    private readonly BytesRef scratch = new();
    private SortedDocValues current = DocValues.EMPTY_SORTED;
    private int bottomSlot = -1;
    private BytesRef? top;

    public LazyIdComparer(string field, int numHits)
    {
        this.field = field;
        slotSegments = new SortedDocValues?[numHits];
        slotDocs = new int[numHits];
        slotIds = new BytesRef?[numHits];
    }

    public override BytesRef this[int slot] => IdAt(slot);

    public override int Compare(int slot1, int slot2) => IdAt(slot1).CompareTo(IdAt(slot2));

    public override void SetBottom(int slot) => bottomSlot = slot;

    public override void SetTopValue(BytesRef value) => top = value;

    public override int CompareBottom(int doc) => IdAt(bottomSlot).CompareTo(IdOf(doc));

    public override int CompareTop(int doc) => top is null ? -1 : top.CompareTo(IdOf(doc));

    public override void Copy(int slot, int doc)
    {
        slotSegments[slot] = current;
        slotDocs[slot] = doc;
        slotIds[slot] = null;
    }

    public override FieldComparer SetNextReader(AtomicReaderContext context)
    {
        current = context.AtomicReader.GetSortedDocValues(field) ?? DocValues.EMPTY_SORTED;
        return this;
    }

    public override int CompareValues(BytesRef first, BytesRef second)
    {
        if (first is null)
        {
            return second is null ? 0 : -1;
        }
        return second is null ? 1 : first.CompareTo(second);
    }

    private BytesRef IdOf(int doc)
    {
        current.Get(doc, scratch);
        return scratch;
    }

    /// <summary>The slot's id, read on first use and kept: the reader may reuse the bytes it hands out.</summary>
    private BytesRef IdAt(int slot)
    {
        if (slotIds[slot] is { } id)
        {
            return id;
        }
        var segment = slotSegments[slot] ?? DocValues.EMPTY_SORTED;
        segment.Get(slotDocs[slot], scratch);
        id = BytesRef.DeepCopyOf(scratch);
        slotIds[slot] = id;
        return id;
    }
}
