namespace Search.Core.Organisations;

/// <summary>A found organisation name: the token range (inclusive) in its field and the canonical organisation.</summary>
/// <remarks><paramref name="ExtraEnd"/> adds characters after the last token: the "'s" of an alias like "Moody's".</remarks>
internal readonly record struct SpanMatch(int First, int Last, string Organisation, int ExtraEnd = 0);
