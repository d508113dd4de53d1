using Search.Server.Tests.Infrastructure;

namespace Search.Server.Tests.Hardening;

/// <summary>The seeded server with small, round limits so each guard is easy to cross on purpose.</summary>
public sealed class GuardServerFixture : SearchServerFixture
{
    public const int MaxQueryLength = 30_000;
    public const int MaxTermExpansions = 5;
    public const int MaxBatchArticles = 20;
    public const int MaxRequestBytes = 1024 * 1024;
    public const int MaxArticleBytes = 200_000;

    protected override string[] ExtraArgs =>
    [
        $"--Search:Limits:MaxQueryLength={MaxQueryLength}",
        $"--Search:Limits:MaxTermExpansions={MaxTermExpansions}",
        $"--Search:Limits:MaxBatchArticles={MaxBatchArticles}",
        $"--Search:Limits:MaxRequestBytes={MaxRequestBytes}",
        $"--Search:Limits:MaxArticleBytes={MaxArticleBytes}",
    ];
}
