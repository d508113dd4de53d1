using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Search.Server.Security;

/// <summary>
/// Answers refused gRPC calls with a proper gRPC status (trailers-only response) instead of a bare HTTP 401/403,
/// so every client, grpcurl included, sees UNAUTHENTICATED or PERMISSION_DENIED with a readable message.
/// Other requests get the framework's default challenge/forbid.
/// </summary>
internal sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private const string MissingCredential =
        "A credential is required: send an API key in the x-api-key header or a JWT as 'authorization: Bearer <token>'.";

    private const string InvalidCredential = "The credential is invalid or expired.";

    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        bool isGrpc = context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
        if (!isGrpc || authorizeResult.Succeeded || !(authorizeResult.Challenged || authorizeResult.Forbidden))
        {
            return fallback.HandleAsync(next, context, policy, authorizeResult);
        }

        if (authorizeResult.Forbidden)
        {
            string reason = authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault()?.Message
                ?? "The credential lacks the role this service requires.";
            return WriteStatus(context, StatusCode.PermissionDenied, reason);
        }
        bool sentCredential = context.Request.Headers.ContainsKey(SearchAuthDefaults.ApiKeyHeader) || context.Request.Headers.ContainsKey("Authorization");
        return WriteStatus(context, StatusCode.Unauthenticated, sentCredential ? InvalidCredential : MissingCredential);
    }

    /// <summary>A trailers-only gRPC response: HTTP 200 with the status in the headers and no body.</summary>
    private static Task WriteStatus(HttpContext context, StatusCode code, string message)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // grpc-message is percent-encoded; the messages here are ASCII, so escaping keeps them intact.
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        return Task.CompletedTask;
    }
}
