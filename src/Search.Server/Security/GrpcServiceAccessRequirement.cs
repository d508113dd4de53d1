using Microsoft.AspNetCore.Authorization;

namespace Search.Server.Security;

/// <summary>The caller may use the gRPC service the request is routed to (see <see cref="SearchRoles"/>).</summary>
internal sealed class GrpcServiceAccessRequirement : IAuthorizationRequirement;
