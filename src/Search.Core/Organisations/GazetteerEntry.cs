namespace Search.Core.Organisations;

/// <summary>An organisation known to the gazetteer: its canonical name, kind and every alias.</summary>
public sealed record GazetteerEntry(string Name, string Kind, IReadOnlyList<GazetteerAlias> Aliases);
