using System.Text;
using Search.Core.Ingest;

namespace Search.Core.Tests.Ingest;

/// <summary>The cheap count that reindex progress uses as its total agrees with what the parser reads.</summary>
public class JsonLinesRecordCounterTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("{\"id\":\"a\"}", 1)]
    [InlineData("{\"id\":\"a\"}\n{\"id\":\"b\"}\n", 2)]
    [InlineData("{\"id\":\"a\"}\r\n\r\n  \t\r\n{\"id\":\"b\"}\r\n\n", 2)]
    [InlineData("\n\n{\"id\":\"a\"}\nnot json\n{\"id\":\"c\", \"title\": \"Café ≠ cafe\"}", 3)]
    public void Count_IsTheNumberOfNonBlankLines_AsTheParserReadsThem(string content, int expected)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(content);
        using var parsed = new MemoryStream(bytes);
        int records = JsonLinesArticleParser.Parse(parsed, "t.jsonl", new ArticleReaderOptions()).Count();

        // Buffers of 1, 3 and 7 bytes split lines, CRLF pairs and multi-byte characters across reads.
        foreach (int bufferBytes in new[] { 1, 3, 7, 1 << 16 })
        {
            using var counted = new MemoryStream(bytes);
            Assert.Equal(expected, JsonLinesRecordCounter.Count(counted, bufferBytes));
        }
        Assert.Equal(expected, records);
    }

    [Fact]
    public void Count_OfAFile_ReadsItFromDisk()
    {
        using var folder = new TempDirectory();
        string path = folder.WriteFile("a.jsonl", string.Concat(Enumerable.Range(0, 5000).Select(i => $"{{\"id\":\"{i}\"}}\n")) + "   \n");

        Assert.Equal(5000, JsonLinesRecordCounter.Count(path));
    }
}
