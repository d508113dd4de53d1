using System.Globalization;
using System.Text;
using Search.Core.Model;

namespace Search.Core.Ingest;

/// <summary>
/// Reads one article from a plain-text file laid out as: title line, body paragraphs, author line, and a footer
/// <c>(Source – tag, tag)</c>. Blank lines are ignored; the footer and the author line are optional together.
/// </summary>
/// <remarks>
/// The last non-blank line is the footer when it is wrapped entirely in parentheses; the non-blank line before it
/// is then the author. Without a footer every line after the title is body and the source is
/// <see cref="ArticleReaderOptions.DefaultSource"/>. The id is the file name without extension.
/// </remarks>
public static class PlainTextArticleParser
{
    /// <summary>Some padding (indentation, blank lines, non-breaking spaces) is allowed on top of the article limit.</summary>
    private const long FileSizeFactor = 4;

    /// <summary>Reads the whole <paramref name="stream"/> as one article.</summary>
    /// <param name="stream">UTF-8 text; not disposed.</param>
    /// <param name="path">The file's path: used for the id (its name without extension) and error locations.</param>
    public static IngestRecord Parse(Stream stream, string path, ArticleReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);

        long maxFileBytes = FileSizeFactor * options.MaxArticleBytes + 64 * 1024;
        byte[]? bytes = ReadAtMost(stream, maxFileBytes);
        if (bytes is null)
        {
            return Failed(path, string.Create(CultureInfo.InvariantCulture,
                $"file is larger than {maxFileBytes:N0} bytes; no article can fit the limit of " +
                $"{options.MaxArticleBytes:N0} bytes"));
        }

        int invalidByte = Utf8Check.FirstInvalidByte(bytes);
        if (invalidByte >= 0)
        {
            int line = bytes.AsSpan(0, invalidByte).Count((byte)'\n') + 1;
            return Failed(string.Create(CultureInfo.InvariantCulture, $"{path}:{line}"), string.Create(
                CultureInfo.InvariantCulture,
                $"invalid UTF-8 at byte offset {invalidByte} (line {line}); save the file as UTF-8"));
        }

        string text = Encoding.UTF8.GetString(Utf8Check.WithoutByteOrderMark(bytes));
        return ParseText(text, Path.GetFileNameWithoutExtension(path), path, options);
    }

    /// <summary>Parses already decoded text; <paramref name="location"/> is used in error messages.</summary>
    public static IngestRecord ParseText(string text, string id, string location, ArticleReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);

        List<string> lines = TextNormalizer.NormaliseSpaces(text)
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)
            .ToList();
        if (lines.Count == 0)
        {
            return Failed(location, "empty file: no title or body", id);
        }

        string source = options.DefaultSource;
        string author = "";
        IReadOnlyList<string> tags = [];
        int bodyEnd = lines.Count;
        if (lines.Count >= 2 && IsWrappedInParentheses(lines[^1]))
        {
            (source, tags) = ParseFooter(lines[^1], options.DefaultSource);
            bodyEnd = lines.Count - 1;
            if (lines.Count >= 3)
            {
                author = lines[^2];
                bodyEnd = lines.Count - 2;
            }
        }

        var article = new Article
        {
            Id = id,
            Title = lines[0],
            Body = string.Join("\n", lines.Skip(1).Take(bodyEnd - 1)),
            Author = author,
            Source = source,
            Tags = tags,
        };
        string? invalid = ArticleValidator.Validate(article, options.MaxArticleBytes);
        return invalid is null ? IngestRecord.Ok(article) : Failed(location, invalid, id);
    }

    /// <summary>True for "(…)" where the first parenthesis closes only at the end, so "(a) and (b)" is not a footer.</summary>
    private static bool IsWrappedInParentheses(string line)
    {
        if (line.Length < 2 || line[0] != '(' || line[^1] != ')')
        {
            return false;
        }
        int depth = 0;
        for (int i = 0; i < line.Length - 1; i++)
        {
            depth += line[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Splits "(Source – tag, tag)" at the first en dash, em dash or hyphen that stands between spaces.</summary>
    private static (string Source, IReadOnlyList<string> Tags) ParseFooter(string footer, string defaultSource)
    {
        string inner = footer[1..^1].Trim();
        int dash = FindSeparatingDash(inner);
        string source = (dash < 0 ? inner : inner[..dash]).Trim();
        string[] tags = dash < 0
            ? []
            : inner[(dash + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return (source.Length == 0 ? defaultSource : source, tags);
    }

    private static int FindSeparatingDash(string text)
    {
        for (int i = 1; i < text.Length - 1; i++)
        {
            if (text[i] is '–' or '—' or '-' && char.IsWhiteSpace(text[i - 1]) && char.IsWhiteSpace(text[i + 1]))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Reads the stream to its end, or returns null as soon as it exceeds <paramref name="maxBytes"/>.</summary>
    private static byte[]? ReadAtMost(Stream stream, long maxBytes)
    {
        if (stream.CanSeek && stream.Length - stream.Position > maxBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return null;
            }
        }
        return buffer.ToArray();
    }

    private static IngestRecord Failed(string location, string message, string? id = null) =>
        IngestRecord.Failed(new IngestError(location, id, message));
}
