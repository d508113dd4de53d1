namespace Search.Cli.Arguments;

/// <summary>Settings every client command shares: where the server is and the key to present to it.</summary>
internal sealed record GlobalOptions(string ServerUrl, string? ApiKey)
{
    public const string DefaultServerUrl = "http://127.0.0.1:50051";
    public const string ServerVariable = "SEARCH_SERVER";
    public const string ApiKeyVariable = "SEARCH_API_KEY";
}
