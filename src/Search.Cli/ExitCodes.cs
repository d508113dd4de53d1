namespace Search.Cli;

/// <summary>Process exit codes, so scripts can tell partial success from failure.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    /// <summary>The command ran, but some records were rejected.</summary>
    public const int Rejected = 1;
    /// <summary>Usage error, unreachable server, or an error status from it.</summary>
    public const int Failure = 2;
}
