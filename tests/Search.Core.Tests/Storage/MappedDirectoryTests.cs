using Lucene.Net.Store;
using Search.Core.Storage;

namespace Search.Core.Tests.Storage;

/// <summary>
/// The directory every index opens: mapped inputs for index files, positional-read inputs for stored fields.
/// Both must read back exactly what Lucene wrote, including the multi-byte reads near the end of a file that take
/// the slow path, and must fail cleanly past the end and after closing.
/// </summary>
public sealed class MappedDirectoryTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "mapped-directory-" + Guid.NewGuid().ToString("N"));
    private readonly MappedDirectory directory;

    public MappedDirectoryTests()
    {
        directory = new MappedDirectory(new DirectoryInfo(path));
    }

    [Theory]
    [InlineData("_0.dvd", "MappedIndexInput")]
    [InlineData("_0.fdt", "PositionalReadIndexInput")]
    public void Input_ReadsBackEveryValueWritten_UpToTheLastByte(string name, string inputKind)
    {
        WriteSample(name);

        using var input = directory.OpenInput(name, IOContext.DEFAULT);

        Assert.StartsWith(inputKind, input.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExpectedLength, input.Length);
        Assert.Equal((byte)7, input.ReadByte());
        Assert.Equal((short)-12345, input.ReadInt16());
        Assert.Equal(int.MinValue + 3, input.ReadInt32());
        Assert.Equal(long.MaxValue - 5, input.ReadInt64());
        Assert.Equal(0, input.ReadVInt32());
        Assert.Equal(int.MaxValue, input.ReadVInt32());
        Assert.Equal(300L, input.ReadVInt64());
        Assert.Equal(long.MaxValue, input.ReadVInt64());
        Assert.Equal("Europol’s report", input.ReadString());
        var block = new byte[3000];
        input.ReadBytes(block, 0, block.Length);
        Assert.Equal(Enumerable.Range(0, 3000).Select(i => (byte)(i * 31)), block);
        // The last vInt sits closer to the end than its widest encoding, which takes the fallback path.
        Assert.Equal(-2L, input.ReadInt64());
        Assert.Equal(0x7F, input.ReadVInt32());
        Assert.Equal(ExpectedLength, input.Position);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
    }

    [Theory]
    [InlineData("_0.tim")]
    [InlineData("_0.fdt")]
    public void Clones_KeepTheirOwnPosition_AndSeekAnywhere(string name)
    {
        WriteSample(name);
        using var input = directory.OpenInput(name, IOContext.DEFAULT);
        input.Seek(1);
        var clone = (IndexInput)input.Clone();

        Assert.Equal((short)-12345, clone.ReadInt16());
        Assert.Equal(1, input.Position);
        Assert.Equal((short)-12345, input.ReadInt16());
        clone.Seek(0);
        Assert.Equal((byte)7, clone.ReadByte());
        var tail = new byte[2];
        clone.Seek(ExpectedLength - 2);
        clone.ReadBytes(tail, 0, 2);
        Assert.Equal(new byte[] { 0xFE, 0x7F }, tail);
        Assert.Throws<EndOfStreamException>(() => clone.ReadBytes(tail, 0, 1));
    }

    [Fact]
    public void MappedInput_AfterItsFileIsClosed_RefusesToReadInsteadOfTouchingUnmappedMemory()
    {
        WriteSample("_0.doc");
        var input = directory.OpenInput("_0.doc", IOContext.DEFAULT);
        var clone = (IndexInput)input.Clone();

        input.Dispose();

        Assert.Throws<ObjectDisposedException>(() => clone.ReadByte());
        Assert.Throws<ObjectDisposedException>(() => clone.ReadInt32());
        Assert.Throws<ObjectDisposedException>(() => clone.ReadBytes(new byte[4], 0, 4));
    }

    [Fact]
    public void EmptyFile_OpensWithLengthZero()
    {
        using (directory.CreateOutput("_0.nvd", IOContext.DEFAULT))
        {
        }

        using var input = directory.OpenInput("_0.nvd", IOContext.DEFAULT);

        Assert.Equal(0, input.Length);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
    }

    private const long ExpectedLength = 1 + 2 + 4 + 8 + 1 + 5 + 2 + 9 + 1 + 18 + 3000 + 8 + 1;

    private void WriteSample(string name)
    {
        using var output = directory.CreateOutput(name, IOContext.DEFAULT);
        output.WriteByte(7);
        output.WriteInt16(-12345);
        output.WriteInt32(int.MinValue + 3);
        output.WriteInt64(long.MaxValue - 5);
        output.WriteVInt32(0);
        output.WriteVInt32(int.MaxValue);
        output.WriteVInt64(300);
        output.WriteVInt64(long.MaxValue);
        output.WriteString("Europol’s report");
        output.WriteBytes(Enumerable.Range(0, 3000).Select(i => (byte)(i * 31)).ToArray(), 3000);
        output.WriteInt64(-2);
        output.WriteVInt32(0x7F);
    }

    public void Dispose()
    {
        directory.Dispose();
        System.IO.Directory.Delete(path, recursive: true);
    }
}
