using System.Security.Claims;

namespace Search.Server.Security;

/// <summary>
/// The three roles and which gRPC service needs which. <c>admin</c> may call everything; the other roles grant
/// only their own service. Services not listed here (other than the open ones) need <c>admin</c>, so a newly added
/// service is closed until someone decides otherwise.
/// </summary>
public static class SearchRoles
{
    public const string Search = "search";
    public const string Index = "index";
    public const string Admin = "admin";

    public const string SearchService = "search.v1.SearchService";
    public const string IndexService = "search.v1.IndexService";
    public const string ReindexService = "search.v1.ReindexService";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Search, Index, Admin };

    /// <summary>Claim types a JWT may carry roles in (raw names, and the mapped .NET role type).</summary>
    private static readonly string[] RoleClaimTypes = ["role", "roles", ClaimTypes.Role];

    /// <summary>Health and reflection stay open so probes and tooling work without credentials.</summary>
    public static bool IsOpenService(string serviceName) =>
        serviceName == "grpc.health.v1.Health" || serviceName.StartsWith("grpc.reflection.", StringComparison.Ordinal);

    /// <summary>The role a service needs.</summary>
    public static string RequiredRole(string serviceName) => serviceName switch
    {
        SearchService => Search,
        IndexService => Index,
        _ => Admin,
    };

    /// <summary>Whether the caller holds <paramref name="role"/>, directly or through <c>admin</c>.</summary>
    public static bool Grants(ClaimsPrincipal user, string role)
    {
        foreach (var claim in user.Claims)
        {
            if (Array.IndexOf(RoleClaimTypes, claim.Type) >= 0 && (claim.Value == role || claim.Value == Admin))
            {
                return true;
            }
        }
        return false;
    }
}
