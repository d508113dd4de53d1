namespace Search.Core.Highlighting;

/// <summary>An occurrence of a phrase word in a hit: its position and its offsets in the original text.</summary>
internal readonly record struct PhraseToken(int Position, int Start, int End);
