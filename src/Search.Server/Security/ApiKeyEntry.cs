namespace Search.Server.Security;

/// <summary>One configured API key (<c>Search:Auth:ApiKeys:N</c>) and the roles it grants.</summary>
public sealed class ApiKeyEntry
{
    /// <summary>The secret itself. Never logged.</summary>
    public string Key { get; set; } = "";

    /// <summary>Roles granted: <c>search</c>, <c>index</c>, <c>admin</c>.</summary>
    public List<string> Roles { get; set; } = [];
}
