namespace Search.Core.Indexing;

/// <summary>The index cannot be opened (locked by another process, or corrupt); the message says what to do.</summary>
public sealed class IndexOpenException : Exception
{
    public IndexOpenException()
    {
    }

    public IndexOpenException(string message)
        : base(message)
    {
    }

    public IndexOpenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
