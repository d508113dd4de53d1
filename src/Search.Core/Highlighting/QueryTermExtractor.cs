using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Highlighting;

/// <summary>
/// Walks a query tree once per search and collects what can be highlighted per field. MUST_NOT clauses are skipped
/// (their words must never light up); boosts multiply down the tree so a title^2 word weighs more in passage scoring.
/// </summary>
internal sealed class QueryTermExtractor
{
    /// <summary>Multi-term queries have no single idf; weigh them like a moderately rare word.</summary>
    private const float MultiTermIdf = 2f;

    private readonly IndexSearcher searcher;
    private readonly int maxDoc;
    private readonly Dictionary<string, FieldQuery> fields = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Field, BytesRef Bytes), int> termIndexes = [];

    private QueryTermExtractor(IndexSearcher searcher)
    {
        this.searcher = searcher;
        maxDoc = Math.Max(1, searcher.IndexReader.MaxDoc);
    }

    public static HighlightQuery Extract(Query query, IndexSearcher searcher)
    {
        var extractor = new QueryTermExtractor(searcher);
        extractor.Visit(query, 1f);
        return new HighlightQuery(extractor.fields, searcher.TopReaderContext);
    }

    private void Visit(Query query, float boost)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                foreach (BooleanClause clause in boolean.Clauses)
                {
                    if (clause.Occur != Occur.MUST_NOT)
                    {
                        Visit(clause.Query, boost * boolean.Boost);
                    }
                }

                break;
            case TermQuery term:
                AddTerm(term.Term, boost * term.Boost);
                break;
            case PhraseQuery phrase:
                AddPhrase(phrase.GetTerms().Select(t => new[] { t }).ToArray(), phrase.GetPositions(), phrase.Slop, boost * phrase.Boost);
                break;
            case MultiPhraseQuery multiPhrase:
                AddPhrase([.. multiPhrase.GetTermArrays()], multiPhrase.GetPositions(), multiPhrase.Slop, boost * multiPhrase.Boost);
                break;
            case MultiTermQuery multiTerm:
                FieldQuery field = GetField(multiTerm.Field);
                field.MultiTerms.Add(new HighlightMultiTerm(
                    multiTerm, boost * multiTerm.Boost * MultiTermIdf, field.KeyCount++, searcher.TopReaderContext.Leaves.Count));
                break;
            case ConstantScoreQuery { Query: not null } constantScore:
                Visit(constantScore.Query, boost * constantScore.Boost);
                break;
            case DisjunctionMaxQuery disjunction:
                foreach (Query disjunct in disjunction.Disjuncts)
                {
                    Visit(disjunct, boost * disjunction.Boost);
                }

                break;
            case FilteredQuery filtered:
                Visit(filtered.Query, boost * filtered.Boost);
                break;
            default:
                // Match-all, span and custom queries carry nothing this highlighter can place.
                break;
        }
    }

    private void AddTerm(Term term, float boost)
    {
        FieldQuery field = GetField(term.Field);
        (TermContext context, float idf) = Lookup(term);
        float weight = boost * idf;
        if (termIndexes.TryGetValue((term.Field, term.Bytes), out int index))
        {
            // The same word twice ("x OR x^3"): keep one entry with the larger weight.
            HighlightTerm existing = field.Terms[index];
            if (weight > existing.Weight)
            {
                field.Terms[index] = new HighlightTerm(existing.Bytes, existing.Context, weight, existing.Key);
            }

            return;
        }

        termIndexes[(term.Field, term.Bytes)] = field.Terms.Count;
        field.Terms.Add(new HighlightTerm(BytesRef.DeepCopyOf(term.Bytes), context, weight, field.KeyCount++));
    }

    private void AddPhrase(Term[][] slots, int[] positions, int slop, float boost)
    {
        if (slots.Length == 0 || slots.Any(s => s.Length == 0))
        {
            return;
        }

        if (slots.Length == 1 && slots[0].Length == 1)
        {
            AddTerm(slots[0][0], boost);
            return;
        }

        FieldQuery field = GetField(slots[0][0].Field);
        float idfSum = 0;
        var slotTerms = new HighlightTerm[slots.Length][];
        for (int i = 0; i < slots.Length; i++)
        {
            slotTerms[i] = new HighlightTerm[slots[i].Length];
            for (int j = 0; j < slots[i].Length; j++)
            {
                (TermContext context, float idf) = Lookup(slots[i][j]);
                slotTerms[i][j] = new HighlightTerm(BytesRef.DeepCopyOf(slots[i][j].Bytes), context, idf, -1);
                if (j == 0)
                {
                    idfSum += idf;
                }
            }
        }

        field.Phrases.Add(new HighlightPhrase(positions, slotTerms, slop, boost * idfSum, field.KeyCount++));
    }

    private (TermContext Context, float Idf) Lookup(Term term)
    {
        TermContext context = TermContext.Build(searcher.TopReaderContext, term);
        int docFreq = context.DocFreq;
        float idf = (float)Math.Log(1 + (maxDoc - docFreq + 0.5) / (docFreq + 0.5));
        return (context, idf);
    }

    private FieldQuery GetField(string name)
    {
        if (!fields.TryGetValue(name, out FieldQuery? field))
        {
            field = new FieldQuery();
            fields[name] = field;
        }

        return field;
    }
}
