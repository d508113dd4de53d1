namespace Search.Core.Schema;

/// <summary>How keyword values (source, author, tag, organisation) are matched: whole value, ignoring case.</summary>
public static class KeywordNormaliser
{
    public static string Normalise(string value) => value.Trim().ToLowerInvariant();
}
