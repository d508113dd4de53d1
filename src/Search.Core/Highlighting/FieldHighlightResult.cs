namespace Search.Core.Highlighting;

/// <summary>The highlighted passages of one field of one hit, best first; empty when nothing is to be shown.</summary>
public sealed record FieldHighlightResult(string Field, IReadOnlyList<HighlightFragment> Fragments)
{
    public static FieldHighlightResult Empty(string field) => new(field, []);
}
