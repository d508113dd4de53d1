namespace Search.Core;

/// <summary>A request the engine refuses, with a message a person can act on.</summary>
public sealed class SearchRequestException : Exception
{
    public SearchRequestException()
    {
    }

    public SearchRequestException(string message)
        : base(message)
    {
    }

    public SearchRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SearchRequestException(SearchErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public SearchErrorKind Kind { get; } = SearchErrorKind.InvalidArgument;

    public static SearchRequestException Invalid(string message) => new(SearchErrorKind.InvalidArgument, message);
}
