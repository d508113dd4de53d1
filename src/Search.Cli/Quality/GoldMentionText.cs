namespace Search.Cli.Quality;

/// <summary>
/// One line of a gold mentions file: <c>{"source", "text", "mentions": [{"text", "start", "end", "organisation"}]}</c>,
/// offsets in UTF-16 code units into <c>text</c>, end exclusive, organisation canonical.
/// </summary>
internal sealed record GoldMentionText(string? Source, string Text, List<GoldMention> Mentions);

/// <summary>One annotated mention of a <see cref="GoldMentionText"/>.</summary>
internal sealed record GoldMention(string Text, int Start, int End, string Organisation);
