using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Authorization;

namespace Search.Server.Security;

/// <summary>
/// Decides access by the gRPC service name of the routed endpoint, so every mapped service (including ones added
/// later) is covered without per-endpoint configuration. A failure for an anonymous caller becomes
/// UNAUTHENTICATED; for an authenticated caller lacking the role, PERMISSION_DENIED.
/// </summary>
internal sealed class GrpcServiceAccessHandler(SearchAuthOptions options) : AuthorizationHandler<GrpcServiceAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, GrpcServiceAccessRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        // Endpoints without gRPC metadata are grpc-dotnet's "unimplemented" fallbacks and stray HTTP requests.
        string? service = http?.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.ServiceName;

        if ((service is not null && SearchRoles.IsOpenService(service)) || !options.HasCredentials)
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        if (context.User.Identity?.IsAuthenticated != true)
        {
            // A credential that was sent but is invalid is refused even where anonymous calls are allowed, so a
            // misconfigured client finds out instead of silently running as anonymous.
            if (service == SearchRoles.SearchService && options.AllowAnonymousSearch && !HasCredentialHeader(http))
            {
                context.Succeed(requirement);
            }
            else
            {
                context.Fail();
            }
            return Task.CompletedTask;
        }

        if (service is null)
        {
            // Any authenticated caller may learn that a method does not exist (UNIMPLEMENTED).
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        string role = SearchRoles.RequiredRole(service);
        if (SearchRoles.Grants(context.User, role))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, $"The credential lacks the '{role}' role that {service} requires."));
        }
        return Task.CompletedTask;
    }

    private static bool HasCredentialHeader(HttpContext? http) =>
        http is not null && (http.Request.Headers.ContainsKey(SearchAuthDefaults.ApiKeyHeader) || http.Request.Headers.ContainsKey("Authorization"));
}
