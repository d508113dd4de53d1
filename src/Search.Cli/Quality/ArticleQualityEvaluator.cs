using Search.Core.Ingest;
using Search.Core.Model;
using Search.Core.Organisations;

namespace Search.Cli.Quality;

/// <summary>
/// Article-level quality: the canonical organisations the extractor finds in each article's title and body against
/// the article's own <c>organisations</c> list, canonicalised by the same extractor so an alias in the gold list
/// ("NSA") counts for its organisation.
/// </summary>
internal static class ArticleQualityEvaluator
{
    /// <summary>Reader problems listed by location before the rest are only counted.</summary>
    public const int ProblemsShown = 5;

    public static QualityReport Evaluate(string path, OrganisationExtractor extractor)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new QualityDataException($"{path}: no such file or directory");
        }
        var report = new QualityReport($"article level: {path}");
        var scorer = new ExtractionScorer();
        int withoutGold = 0;
        var problems = new List<string>();
        foreach (IngestRecord record in ArticleFileReader.Read([path], new ArticleReaderOptions()))
        {
            if (record.Article is not { } article)
            {
                problems.Add($"{record.Error!.Location}: {record.Error.Message}");
                continue;
            }
            // An empty list cannot be told from a missing one, and scoring it would count every find as spurious.
            if (article.Organisations.Count == 0)
            {
                withoutGold++;
                continue;
            }
            Score(article, extractor, scorer, report);
        }
        report.Score = scorer.Articles;
        if (withoutGold > 0)
        {
            report.AddNote($"skipped {withoutGold:N0} article(s) without gold organisations");
        }
        if (problems.Count > 0)
        {
            report.AddNote($"skipped {problems.Count:N0} unreadable record(s):");
            foreach (string problem in problems.Take(ProblemsShown))
            {
                report.AddNote("  " + problem);
            }
        }
        return report;
    }

    private static void Score(Article article, OrganisationExtractor extractor, ExtractionScorer scorer, QualityReport report)
    {
        var gold = article.Organisations.Select(extractor.Canonicalise).Where(name => name.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        // Given organisations are left out on purpose: they are the gold list itself.
        var predicted = extractor.Extract(article.Title, article.Body, []).Organisations;
        scorer.AddArticle(gold, predicted);
        report.Items++;
        var goldSet = new HashSet<string>(gold, StringComparer.OrdinalIgnoreCase);
        var predictedSet = new HashSet<string>(predicted, StringComparer.OrdinalIgnoreCase);
        foreach (string name in gold.Where(name => !predictedSet.Contains(name)))
        {
            report.AddMissed(name);
        }
        foreach (string name in predictedSet.Where(name => !goldSet.Contains(name)))
        {
            report.AddSpurious(name);
        }
    }
}
