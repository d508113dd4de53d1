using System.Globalization;
using Search.Cli.Arguments;
using Search.Cli.Connection;
using Search.Cli.Rendering;
using Search.Contracts.V1;

namespace Search.Cli.Commands;

/// <summary><c>get ID [--json]</c>: prints one whole article and where organisations are mentioned in it.</summary>
internal sealed class GetCommand(GetArticleRequest request, bool json, ServerConnection connection, CliConsole console)
{
    public static GetCommand From(ParsedCommand command, ServerConnection connection, CliConsole console) => new(
        new GetArticleRequest { Id = command.Positionals[0], MinGeneration = OptionValues.MinGeneration(command) },
        command.Has("--json"), connection, console);

    public async Task<int> RunAsync(CancellationToken cancellation)
    {
        Article article = await connection.Search.GetArticleAsync(request, cancellationToken: cancellation);
        if (json)
        {
            JsonOutput.Write(console.Out, article);
            return ExitCodes.Success;
        }
        TextWriter output = console.Out;
        TableWriter.Write(output,
        [
            ("id:", TerminalText.SingleLine(article.Id)),
            ("title:", TerminalText.SingleLine(article.Title)),
            ("source:", TerminalText.SingleLine(article.Source)),
            ("author:", TerminalText.SingleLine(article.Author)),
            ("published:", article.Published is null ? "" : article.Published.ToDateTimeOffset().ToString("u", CultureInfo.InvariantCulture)),
            ("url:", TerminalText.SingleLine(article.Url)),
            ("tags:", TerminalText.SingleLine(string.Join(", ", article.Tags))),
            ("organisations:", TerminalText.SingleLine(string.Join(", ", article.Organisations))),
        ]);
        if (article.Body.Length > 0)
        {
            output.WriteLine();
            output.WriteLine(TerminalText.MultiLine(article.Body));
        }
        if (article.Mentions.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("mentions:");
            TableWriter.Write(output, article.Mentions
                .Select(m => (TerminalText.SingleLine(m.Organisation),
                    TerminalText.SingleLine(string.Create(CultureInfo.InvariantCulture, $"\"{m.Text}\" in {m.Field} at {m.Start}–{m.End}"))))
                .ToList(), indent: "  ");
        }
        return ExitCodes.Success;
    }
}
