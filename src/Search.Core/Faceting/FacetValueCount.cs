namespace Search.Core.Faceting;

/// <summary>One facet value and how many matching documents carry it.</summary>
public sealed record FacetValueCount(string Value, long Count);
