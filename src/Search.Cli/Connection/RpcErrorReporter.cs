using Grpc.Core;

namespace Search.Cli.Connection;

/// <summary>Turns a failed call into a message a person can act on.</summary>
internal static class RpcErrorReporter
{
    public static int Report(RpcException error, string serverUrl, TextWriter output)
    {
        output.WriteLine(Describe(error, serverUrl));
        return ExitCodes.Failure;
    }

    public static string Describe(RpcException error, string serverUrl) => error.StatusCode switch
    {
        StatusCode.Unavailable =>
            $"error: cannot reach the server at {serverUrl}: {error.Status.Detail} — is it running? " +
            "start it with `dotnet run --project src/Search.Server` (or `search serve`)",
        StatusCode.Unauthenticated or StatusCode.PermissionDenied =>
            $"error: {error.StatusCode}: {error.Status.Detail} — check --api-key or $SEARCH_API_KEY",
        _ => $"error: {error.StatusCode}: {error.Status.Detail}",
    };
}
