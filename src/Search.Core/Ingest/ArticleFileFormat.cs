namespace Search.Core.Ingest;

/// <summary>How a file is parsed, chosen by its extension (case-insensitive).</summary>
internal enum ArticleFileFormat
{
    Unsupported,
    JsonLines,
    PlainText,
}

internal static class ArticleFileFormatExtensions
{
    extension(ArticleFileFormat)
    {
        public static ArticleFileFormat FromPath(string path) => Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".JSONL" or ".JSON" => ArticleFileFormat.JsonLines,
            ".TXT" => ArticleFileFormat.PlainText,
            _ => ArticleFileFormat.Unsupported,
        };
    }
}
