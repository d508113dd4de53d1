namespace Search.Core.Model;

/// <summary>A news article as the engine sees it (the wire type lives in Search.Contracts).</summary>
public sealed record Article
{
    public required string Id { get; init; }
    public string Title { get; init; } = "";
    public string Body { get; init; } = "";
    public string Source { get; init; } = "";
    public string Author { get; init; } = "";
    /// <summary>Publication time in UTC, or null when the article has no date.</summary>
    public DateTimeOffset? Published { get; init; }
    public string Url { get; init; } = "";
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>On input: organisations given by the feed. On output: canonical organisation names.</summary>
    public IReadOnlyList<string> Organisations { get; init; } = [];
    /// <summary>Output only: organisation mentions found in title and body.</summary>
    public IReadOnlyList<OrganisationMention> Mentions { get; init; } = [];
}
