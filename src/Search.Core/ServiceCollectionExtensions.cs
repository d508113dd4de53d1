using Lucene.Net.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Search.Core.Faceting;
using Search.Core.Highlighting;
using Search.Core.Indexing;
using Search.Core.Organisations;
using Search.Core.Querying;
using Search.Core.Reindexing;
using Search.Core.Schema;

namespace Search.Core;

/// <summary>Registers the engine: options, the organisation extractor, the live index and its searcher and writer.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddSearchCore(this IServiceCollection services, IConfiguration configuration, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SearchIndexOptions>()
            .Bind(configuration.GetSection(SearchIndexOptions.SectionName))
            .PostConfigure(options =>
            {
                // Resolve relative paths once, here, so every part of the process agrees on them.
                options.IndexPath = Resolve(baseDirectory, options.IndexPath);
                options.SeedPath = string.IsNullOrEmpty(options.SeedPath) ? "" : Resolve(baseDirectory, options.SeedPath);
                options.ReindexAllowedRoot = Resolve(baseDirectory, options.ReindexAllowedRoot);
                options.GazetteerPath = string.IsNullOrEmpty(options.GazetteerPath) ? "" : Resolve(baseDirectory, options.GazetteerPath);
            })
            .Validate(o => o.RefreshInterval > TimeSpan.Zero, "Search:RefreshInterval must be positive.")
            .Validate(o => o.IdleCompactionDelay >= TimeSpan.Zero, "Search:IdleCompactionDelay must not be negative (zero turns compaction off).")
            .Validate(o => o.RamBufferMb is >= 1 and <= 2048, "Search:RamBufferMb must be between 1 and 2048.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<SearchIndexOptions>>().Value);
        services.TryAddSingleton(sp => sp.GetRequiredService<SearchIndexOptions>().Limits);
        // The extractor the first generation opens with; afterwards every reader asks the live generation's, so a
        // reindex that loads a grown gazetteer changes query-time alias mapping in the same swap.
        services.TryAddSingleton(sp => new ArticleDocumentMapper(
            new OrganisationExtractor(Gazetteer.Load(NullIfEmpty(sp.GetRequiredService<SearchIndexOptions>().GazetteerPath)))));
        services.TryAddSingleton<IOrganisationExtractor, LiveOrganisationExtractor>();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<SearchIndexOptions>();
            BooleanQuery.MaxClauseCount = options.Limits.MaxBooleanClauses;
            var mapper = sp.GetRequiredService<ArticleDocumentMapper>();
            ILogger? logger = sp.GetService<ILoggerFactory>()?.CreateLogger<ArticleIndex>();
            return IndexHost.Open(options.IndexPath, path => ArticleIndex.Open(path, mapper, options, logger: logger));
        });
        services.TryAddSingleton<ArticleWriter>();
        services.TryAddSingleton<ArticleStreamWriter>();
        services.TryAddSingleton<QueryBuilder>();
        services.TryAddSingleton<FilterBuilder>();
        services.TryAddSingleton<FacetOrdinalsCache>();
        services.TryAddSingleton<FacetCounter>();
        services.TryAddSingleton<FacetValueWordsCache>();
        services.TryAddSingleton<ArticleHighlighter>();
        services.TryAddSingleton<ArticleSearcher>();
        services.TryAddSingleton<FacetValueSearcher>();
        services.TryAddSingleton<ReindexCoordinator>();
        return services;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static string Resolve(string baseDirectory, string path) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(baseDirectory, path));
}
