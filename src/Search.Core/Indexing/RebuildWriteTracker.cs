using System.Collections.Concurrent;

namespace Search.Core.Indexing;

/// <summary>
/// The ids written to the live generation while a rebuild runs. The rebuild catches up on them from the live
/// index itself (the truth for acknowledged writes), so no article payloads are held in memory.
/// </summary>
public sealed class RebuildWriteTracker
{
    private readonly ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);

    public int Count => _ids.Count;

    internal void Record(IEnumerable<string> ids)
    {
        foreach (string id in ids)
        {
            _ids[id] = 0;
        }
    }

    /// <summary>
    /// Takes the ids recorded so far. An id written again after this call is recorded again, so a caller that
    /// refreshes the live index after taking the ids sees every write of the ids it took.
    /// </summary>
    public List<string> Take()
    {
        var taken = new List<string>();
        foreach (string id in _ids.Keys)
        {
            if (_ids.TryRemove(id, out _))
            {
                taken.Add(id);
            }
        }
        return taken;
    }
}
