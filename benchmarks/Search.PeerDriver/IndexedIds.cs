namespace Search.PeerDriver;

/// <summary>
/// Ids the server has acknowledged and nobody has deleted yet. The deleter takes ids out before deleting them,
/// so no id is deleted twice and the expected live count stays exact.
/// </summary>
internal sealed class IndexedIds(IEnumerable<string> initial)
{
    private readonly object gate = new();
    private readonly List<string> ids = initial.ToList();

    public int Count
    {
        get
        {
            lock (gate)
            {
                return ids.Count;
            }
        }
    }

    public void AddRange(IEnumerable<string> acknowledged)
    {
        lock (gate)
        {
            ids.AddRange(acknowledged);
        }
    }

    /// <summary>Removes and returns up to <paramref name="count"/> random ids (swap with the last, then drop it).</summary>
    public List<string> TakeRandom(int count, Random random)
    {
        lock (gate)
        {
            var taken = new List<string>(count);
            while (taken.Count < count && ids.Count > 0)
            {
                int at = random.Next(ids.Count);
                taken.Add(ids[at]);
                ids[at] = ids[^1];
                ids.RemoveAt(ids.Count - 1);
            }
            return taken;
        }
    }
}
