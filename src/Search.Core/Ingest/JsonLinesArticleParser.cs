using System.Globalization;

namespace Search.Core.Ingest;

/// <summary>
/// Reads JSON Lines: one article object per line, blank lines ignored. A bad line becomes a failed record located
/// <c>path:line</c> and reading goes on with the next line.
/// </summary>
/// <remarks>
/// Fields: <c>id</c> (string, required), <c>title</c>, <c>body</c>, <c>source</c>, <c>author</c>, <c>url</c>
/// (strings or null), <c>published</c> (ISO-8601 date or date-time, no offset meaning UTC, or null),
/// <c>tags</c> and <c>organisations</c> (arrays of strings). Unknown keys are ignored. A missing or blank source
/// becomes <see cref="ArticleReaderOptions.DefaultSource"/>.
/// </remarks>
public static class JsonLinesArticleParser
{
    /// <summary>JSON escapes can take six bytes per character, so a line may be this much larger than its article.</summary>
    private const long EscapeExpansion = 6;
    private const long LineSlackBytes = 64 * 1024;

    /// <summary>Parses <paramref name="stream"/> lazily, one record per non-blank line.</summary>
    /// <param name="stream">JSON Lines in UTF-8; not disposed.</param>
    /// <param name="path">Name used in error locations (<c>path:line</c>).</param>
    public static IEnumerable<IngestRecord> Parse(Stream stream, string path, ArticleReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        return ParseLines(stream, path, options);
    }

    private static IEnumerable<IngestRecord> ParseLines(Stream stream, string path, ArticleReaderOptions options)
    {
        int maxLineBytes = (int)Math.Min(options.MaxArticleBytes * EscapeExpansion + LineSlackBytes, 1 << 30);
        using var reader = new Utf8LineReader(stream, maxLineBytes);
        int lineNumber = 0;
        while (reader.TryReadLine(out ReadOnlyMemory<byte> line, out bool tooLong))
        {
            lineNumber++;
            string location = string.Create(CultureInfo.InvariantCulture, $"{path}:{lineNumber}");
            if (tooLong)
            {
                yield return IngestRecord.Failed(new IngestError(location, null, string.Create(
                    CultureInfo.InvariantCulture,
                    $"line is longer than {maxLineBytes:N0} bytes, so its article cannot fit the limit of " +
                    $"{options.MaxArticleBytes:N0} bytes; the line was skipped")));
                continue;
            }
            if (IsBlank(line.Span))
            {
                continue;
            }
            yield return JsonArticleLineParser.Parse(line.Span, location, options);
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) =>
        line.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r') < 0;
}
