namespace Search.Cli;

/// <summary>Process exit codes, so scripts can tell partial success from failure.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    /// <summary>The command ran, but some records were rejected, or the reindex job it followed failed or was cancelled.</summary>
    public const int Rejected = 1;
    /// <summary>Usage error, unreachable server, or an error status from it.</summary>
    public const int Failure = 2;
    /// <summary>
    /// Ctrl+C stopped <c>reindex</c> from watching; the job keeps running on the server. The code shells use for an
    /// interrupt, so a script does not take the rebuild for finished.
    /// </summary>
    public const int Detached = 130;
}
