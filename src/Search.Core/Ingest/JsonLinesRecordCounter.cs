namespace Search.Core.Ingest;

/// <summary>
/// Counts the records of a JSON Lines file (its non-blank lines) from the raw bytes, without decoding or parsing:
/// progress needs a total before the file is read for real, and that first pass should cost a fraction of it.
/// </summary>
internal static class JsonLinesRecordCounter
{
    private const int DefaultBufferBytes = 1 << 16;

    /// <summary>The bytes a line may hold and still be blank: the same as <see cref="JsonLinesArticleParser"/> skips.</summary>
    private static ReadOnlySpan<byte> Blank => " \t\r"u8;

    public static long Count(string path, int bufferBytes = DefaultBufferBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Count(stream, bufferBytes);
    }

    public static long Count(Stream stream, int bufferBytes = DefaultBufferBytes)
    {
        var buffer = new byte[bufferBytes];
        long records = 0;
        bool lineHasContent = false;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var rest = buffer.AsSpan(0, read);
            while (true)
            {
                int newline = rest.IndexOf((byte)'\n');
                var line = newline < 0 ? rest : rest[..newline];
                lineHasContent |= line.IndexOfAnyExcept(Blank) >= 0;
                if (newline < 0)
                {
                    break;
                }
                records += lineHasContent ? 1 : 0;
                lineHasContent = false;
                rest = rest[(newline + 1)..];
            }
        }
        return records + (lineHasContent ? 1 : 0);
    }
}
