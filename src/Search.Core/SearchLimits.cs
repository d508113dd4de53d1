namespace Search.Core;

/// <summary>Resource guards with defaults that protect a shared server. Each is named in the error it causes.</summary>
public sealed class SearchLimits
{
    /// <summary>Longest query string, in characters.</summary>
    public int MaxQueryLength { get; set; } = 4096;

    /// <summary>Most clauses a query may expand to (words, OR branches, prefix and fuzzy expansions).</summary>
    public int MaxBooleanClauses { get; set; } = 1024;

    /// <summary>Most terms one prefix, wildcard or fuzzy term may expand to.</summary>
    public int MaxTermExpansions { get; set; } = 512;

    /// <summary>Whether a term may start with * or ? (scans the whole term dictionary).</summary>
    public bool AllowLeadingWildcard { get; set; }

    /// <summary>Most hits per page.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Largest facet limit.</summary>
    public int MaxFacetLimit { get; set; } = 1000;

    /// <summary>Largest article (UTF-8 bytes over all its fields).</summary>
    public int MaxArticleBytes { get; set; } = 1_048_576;

    /// <summary>Largest gRPC message or request body, in bytes.</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Most articles in one index request.</summary>
    public int MaxBatchArticles { get; set; } = 10_000;

    /// <summary>Longest fragment size a client may ask for.</summary>
    public int MaxFragmentSize { get; set; } = 2000;

    /// <summary>Most fragments per field a client may ask for.</summary>
    public int MaxFragments { get; set; } = 20;
}
