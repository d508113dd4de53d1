namespace Search.Cli.Arguments;

/// <summary>The command line cannot be run as given; the message says why, the command names whose usage to show.</summary>
internal sealed class UsageException(string message, string? command = null) : Exception(message)
{
    /// <summary>The command whose usage applies, or null for the general usage.</summary>
    public string? Command { get; } = command;
}
