using Search.Core.Model;

namespace Search.Core.Organisations;

/// <summary>
/// Accumulates extraction quality against gold annotations. Mention level: a predicted mention is correct
/// when its field, span and canonical organisation all equal a gold mention. Article level: the canonical
/// organisation names of an article against a gold list (case-insensitive). Not thread-safe; one per run.
/// </summary>
public sealed class ExtractionScorer
{
    private int mentionTp, mentionFp, mentionFn;
    private int articleTp, articleFp, articleFn;

    public ExtractionScore Mentions => new(mentionTp, mentionFp, mentionFn);

    public ExtractionScore Articles => new(articleTp, articleFp, articleFn);

    /// <summary>Scores the predicted mentions of one text against its gold mentions.</summary>
    public void AddMentions(IEnumerable<OrganisationMention> gold, IEnumerable<OrganisationMention> predicted)
    {
        var remaining = gold.Select(Key).ToList();
        foreach (var mention in predicted)
        {
            if (remaining.Remove(Key(mention)))
            {
                mentionTp++;
            }
            else
            {
                mentionFp++;
            }
        }
        mentionFn += remaining.Count;
    }

    /// <summary>Scores the canonical organisations of one article against its gold list.</summary>
    public void AddArticle(IEnumerable<string> gold, IEnumerable<string> predicted)
    {
        var goldSet = new HashSet<string>(gold, StringComparer.OrdinalIgnoreCase);
        var predictedSet = new HashSet<string>(predicted, StringComparer.OrdinalIgnoreCase);
        int hits = predictedSet.Count(goldSet.Contains);
        articleTp += hits;
        articleFp += predictedSet.Count - hits;
        articleFn += goldSet.Count - hits;
    }

    private static (string Field, int Start, int End, string Organisation) Key(OrganisationMention mention) =>
        (mention.Field, mention.Start, mention.End, mention.Organisation.ToUpperInvariant());
}
