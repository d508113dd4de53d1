namespace Search.Core.Highlighting;

/// <summary>One match found in a hit's postings: a range of the original text and what it scores as.</summary>
internal readonly record struct MatchSpan(int Start, int End, int Key, float Weight);
