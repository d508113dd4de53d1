using Search.Core.Model;

namespace Search.Core.Ingest;

/// <summary>One record read from an ingest source: an article, or why a record was rejected.</summary>
public sealed record IngestRecord(Article? Article, IngestError? Error)
{
    public static IngestRecord Ok(Article article) => new(article, null);
    public static IngestRecord Failed(IngestError error) => new(null, error);
}

/// <summary>
/// A rejected record: where it was (<c>path:line</c> for files, or a batch position), its id when one could be
/// read, and what is wrong in words a person can act on.
/// </summary>
public sealed record IngestError(string Location, string? Id, string Message);
