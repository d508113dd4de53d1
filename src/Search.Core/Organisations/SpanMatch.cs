namespace Search.Core.Organisations;

/// <summary>A found organisation name: the token range (inclusive) in its field and the canonical organisation.</summary>
internal readonly record struct SpanMatch(int First, int Last, string Organisation);
