namespace Search.Core.Highlighting;

/// <summary>
/// One passage. <see cref="Text"/> is HTML-escaped with the configured tags around matches;
/// <see cref="Start"/>/<see cref="End"/> and <see cref="Matches"/> are ranges in the original field text
/// (UTF-16 code units, end exclusive) so a client can mark up the raw text without parsing HTML.
/// </summary>
public sealed record HighlightFragment(string Text, int Start, int End, IReadOnlyList<TextSpan> Matches);
