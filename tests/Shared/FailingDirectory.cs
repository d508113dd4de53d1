using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Tests.Shared;

/// <summary>
/// A Lucene directory whose writes fail like a full disk while <see cref="Full"/> is set: creating a file and
/// syncing throw IOException("No space left on device"). Reads are untouched.
/// </summary>
public sealed class FailingDirectory(LuceneDirectory inner) : FilterDirectory(inner)
{
    private volatile bool _full;
    private int _failures;

    public bool Full
    {
        get => _full;
        set => _full = value;
    }

    /// <summary>How many writes were refused, to prove the failure path ran.</summary>
    public int Failures => Volatile.Read(ref _failures);

    public override IndexOutput CreateOutput(string name, IOContext context)
    {
        ThrowIfFull(name);
        return base.CreateOutput(name, context);
    }

    public override void Sync(ICollection<string> names)
    {
        ThrowIfFull(string.Join(",", names));
        base.Sync(names);
    }

    private void ThrowIfFull(string name)
    {
        if (_full)
        {
            Interlocked.Increment(ref _failures);
            throw new IOException($"No space left on device (writing {name})");
        }
    }
}
