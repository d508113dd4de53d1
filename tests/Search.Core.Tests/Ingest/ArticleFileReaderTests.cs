using Search.Core.Ingest;

namespace Search.Core.Tests.Ingest;

public sealed class ArticleFileReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ArticleReaderOptions _options = new();

    public void Dispose() => _temp.Dispose();

    private List<IngestRecord> Read(params string[] paths) => ArticleFileReader.Read(paths, _options).ToList();

    private static string[] Ids(IEnumerable<IngestRecord> records) =>
        records.Where(r => r.Article is not null).Select(r => r.Article!.Id).ToArray();

    [Fact]
    public void Directory_is_walked_recursively_in_ordinal_order_with_mixed_formats()
    {
        _temp.WriteFile("b.txt", "B title\nB body");
        _temp.WriteFile("a.jsonl", "{\"id\":\"a1\",\"title\":\"A1\"}\n{\"id\":\"a2\",\"title\":\"A2\"}\n");
        _temp.WriteFile("sub/deeper/c.TXT", "C title\nC body\nAuthor\n(Reuters – x)");
        _temp.WriteFile("sub/d.json", "{\"id\":\"d\",\"title\":\"D\"}");
        _temp.WriteFile("sub/notes.md", "ignored");
        _temp.WriteFile("Z.csv", "ignored");

        List<IngestRecord> records = Read(_temp.Path);

        Assert.All(records, r => Assert.Null(r.Error));
        // "d.json" sorts before "deeper" because '.' precedes 'e' in ordinal order.
        Assert.Equal(["a1", "a2", "b", "d", "c"], Ids(records));
    }

    [Fact]
    public void Explicit_files_are_read_in_the_given_order()
    {
        string second = _temp.WriteFile("x.txt", "X\nbody");
        string first = _temp.WriteFile("y.jsonl", "{\"id\":\"y\",\"title\":\"Y\"}");

        Assert.Equal(["y", "x"], Ids(Read(first, second)));
    }

    [Fact]
    public void Missing_path_is_a_not_found_record_and_reading_continues()
    {
        string existing = _temp.WriteFile("ok.txt", "Title\nBody");
        string missing = Path.Combine(_temp.Path, "nope.jsonl");

        List<IngestRecord> records = Read(missing, existing);

        Assert.Equal(missing, records[0].Error?.Location);
        Assert.Contains("not found", records[0].Error?.Message, StringComparison.Ordinal);
        Assert.Equal(["ok"], Ids(records));
    }

    [Fact]
    public void Explicit_unsupported_file_is_reported()
    {
        string csv = _temp.WriteFile("data.csv", "id,title");

        IngestError error = Assert.IsType<IngestError>(Assert.Single(Read(csv)).Error);

        Assert.Equal(csv, error.Location);
        Assert.Contains("unsupported file type \".csv\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_byte_file_is_reported_and_others_still_read()
    {
        string empty = _temp.WriteBytes("empty.txt", []);
        _temp.WriteFile("full.txt", "Title\nBody");

        List<IngestRecord> records = Read(_temp.Path);

        IngestError error = Assert.IsType<IngestError>(Assert.Single(records, r => r.Error is not null).Error);
        Assert.Equal(empty, error.Location);
        Assert.Contains("empty file", error.Message, StringComparison.Ordinal);
        Assert.Equal(["full"], Ids(records));
    }

    [Fact]
    public void Empty_jsonl_file_yields_nothing()
    {
        string empty = _temp.WriteBytes("empty.jsonl", []);

        Assert.Empty(Read(empty));
    }

    [Fact]
    public void Symlink_loop_is_reported_and_other_files_are_still_read()
    {
        _temp.WriteFile("a/one.txt", "One\nbody");
        _temp.WriteFile("a/b/two.txt", "Two\nbody");
        string loop = Path.Combine(_temp.Path, "a", "b", "loop");
        Directory.CreateSymbolicLink(loop, Path.Combine(_temp.Path, "a"));
        _temp.WriteFile("c/three.txt", "Three\nbody");

        List<IngestRecord> records = Read(_temp.Path);

        Assert.Equal(["two", "one", "three"], Ids(records));
        IngestError error = Assert.IsType<IngestError>(Assert.Single(records, r => r.Error is not null).Error);
        Assert.Equal(loop, error.Location);
        Assert.Contains("symbolic link loop", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Link_cycle_that_never_resolves_is_skipped_in_a_walk_and_reported_when_named()
    {
        string first = Path.Combine(_temp.Path, "first");
        string second = Path.Combine(_temp.Path, "second");
        Directory.CreateSymbolicLink(first, second);
        Directory.CreateSymbolicLink(second, first);
        _temp.WriteFile("real.txt", "Real\nbody");

        List<IngestRecord> walked = Read(_temp.Path);
        List<IngestRecord> named = Read(first);

        Assert.Equal(["real"], Ids(walked));
        Assert.All(walked, r => Assert.Null(r.Error));
        IngestError error = Assert.IsType<IngestError>(Assert.Single(named).Error);
        Assert.Contains("symbolic link points nowhere", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_reached_twice_through_a_link_is_read_once()
    {
        _temp.WriteFile("real/one.txt", "One\nbody");
        Directory.CreateSymbolicLink(Path.Combine(_temp.Path, "alias"), Path.Combine(_temp.Path, "real"));

        List<IngestRecord> records = Read(_temp.Path);

        Assert.Equal(["one"], Ids(records));
        Assert.All(records, r => Assert.Null(r.Error));
    }
}
