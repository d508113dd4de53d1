using System.Globalization;
using Search.Cli.Connection;
using Search.Contracts.V1;

namespace Search.Cli.Commands;

/// <summary><c>delete ID...</c>: deletes articles by id and says how many existed.</summary>
internal sealed class DeleteCommand(IReadOnlyList<string> ids, ServerConnection connection, CliConsole console)
{
    public async Task<int> RunAsync(CancellationToken cancellation)
    {
        var request = new DeleteArticlesRequest();
        request.Ids.AddRange(ids);
        DeleteArticlesResponse response = await connection.Index.DeleteArticlesAsync(request, cancellationToken: cancellation);
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"deleted {response.Deleted} of {ids.Count} id(s); generation {response.Generation}"));
        return ExitCodes.Success;
    }
}
