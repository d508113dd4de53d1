namespace Search.Cli;

/// <summary>
/// Where a command writes and what it knows about the terminal. Commands never touch <see cref="Console"/>, so
/// tests run them against string writers.
/// </summary>
internal sealed class CliConsole
{
    public required TextWriter Out { get; init; }
    public required TextWriter Error { get; init; }
    /// <summary>True when stdout is a file or pipe: no ANSI styling then.</summary>
    public bool IsOutputRedirected { get; init; } = true;
    /// <summary>True when stderr is a file or pipe: progress is printed as plain lines then, never redrawn.</summary>
    public bool IsErrorRedirected { get; init; } = true;
    public Func<string, string?> Environment { get; init; } = _ => null;

    /// <summary>The process console, for Program.</summary>
    public static CliConsole System() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        IsOutputRedirected = Console.IsOutputRedirected,
        IsErrorRedirected = Console.IsErrorRedirected,
        Environment = global::System.Environment.GetEnvironmentVariable,
    };

    /// <summary>https://no-color.org: any non-empty NO_COLOR turns styling off.</summary>
    public bool NoColor => !string.IsNullOrEmpty(Environment("NO_COLOR"));
}
