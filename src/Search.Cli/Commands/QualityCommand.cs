using System.Text.Json;
using Search.Cli.Arguments;
using Search.Cli.Quality;
using Search.Core.Organisations;

namespace Search.Cli.Commands;

/// <summary>
/// <c>quality --articles FILE | --mentions FILE [--gazetteer FILE]</c>: measures the organisation extractor against
/// gold annotations, locally, with the same extractor and scorer the server uses.
/// </summary>
internal sealed class QualityCommand(string? articlesPath, string? mentionsPath, string? gazetteerPath, CliConsole console)
{
    public static QualityCommand From(ParsedCommand command, CliConsole console)
    {
        string? articles = command.Value("--articles");
        string? mentions = command.Value("--mentions");
        if (articles is null && mentions is null)
        {
            throw new UsageException("'quality' needs '--articles FILE' or '--mentions FILE' (or both)", command.Name);
        }
        return new QualityCommand(articles, mentions, command.Value("--gazetteer"), console);
    }

    public int Run()
    {
        OrganisationExtractor extractor;
        try
        {
            extractor = new OrganisationExtractor(Gazetteer.Load(gazetteerPath));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or JsonException or FormatException
            or KeyNotFoundException or InvalidOperationException)
        {
            console.Error.WriteLine($"error: cannot load the gazetteer {gazetteerPath}: {error.Message}");
            return ExitCodes.Failure;
        }
        console.Out.WriteLine($"gazetteer: {extractor.GazetteerVersion}");
        try
        {
            if (articlesPath is not null)
            {
                console.Out.WriteLine();
                ArticleQualityEvaluator.Evaluate(articlesPath, extractor).Write(console.Out);
            }
            if (mentionsPath is not null)
            {
                console.Out.WriteLine();
                MentionQualityEvaluator.Evaluate(mentionsPath, extractor).Write(console.Out);
            }
        }
        catch (Exception error) when (error is QualityDataException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine("error: " + error.Message);
            return ExitCodes.Failure;
        }
        return ExitCodes.Success;
    }
}
