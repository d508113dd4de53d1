namespace Search.Core.Organisations;

/// <summary>One spelling of an organisation, with optional context rules.</summary>
public sealed record GazetteerAlias(string Text, AliasRule? Rule);
