using System.Buffers.Binary;
using Lucene.Net.Store;

namespace Search.Core.Storage;

/// <summary>
/// Reads a memory-mapped file, or a slice of one, through a raw pointer: a read is a bounds check and a copy,
/// with no system call and no buffer refill. Clones share the mapping; only the input that opened it unmaps it,
/// and every read first checks that it has not (Lucene never reads a clone after its segment is closed, so the
/// check only turns a broken contract into an exception).
/// </summary>
internal sealed unsafe class MappedIndexInput : IndexInput
{
    private readonly MappedFile file;
    private readonly byte* start;
    private readonly long length;
    private readonly bool ownsFile;
    private long position;
    private bool isClone;

    public MappedIndexInput(string description, MappedFile file, long offset, long length, bool ownsFile)
        : base(description)
    {
        this.file = file;
        start = file.Pointer + offset;
        this.length = length;
        this.ownsFile = ownsFile;
    }

    public override long Length => length;

    public override long Position => position;

    public override void Seek(long pos)
    {
        if ((ulong)pos > (ulong)length)
        {
            throw new EndOfStreamException($"seek past EOF: {this} (position {pos}, length {length})");
        }
        position = pos;
    }

    public override byte ReadByte()
    {
        file.EnsureOpen();
        if (position >= length)
        {
            throw new EndOfStreamException($"read past EOF: {this}");
        }
        return start[position++];
    }

    public override void ReadBytes(byte[] b, int offset, int len) =>
        new ReadOnlySpan<byte>(Take(len), len).CopyTo(b.AsSpan(offset, len));

    public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(new ReadOnlySpan<byte>(Take(2), 2));

    public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(new ReadOnlySpan<byte>(Take(4), 4));

    public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(new ReadOnlySpan<byte>(Take(8), 8));

    /// <summary>The next <paramref name="count"/> bytes, after checking the file is open and holds them.</summary>
    private byte* Take(int count)
    {
        file.EnsureOpen();
        if (count > length - position)
        {
            throw new EndOfStreamException($"read past EOF: {this} (position {position}, reading {count}, length {length})");
        }
        byte* at = start + position;
        position += count;
        return at;
    }

    public override int ReadVInt32()
    {
        if (length - position < 5)
        {
            return base.ReadVInt32();
        }
        file.EnsureOpen();
        byte* p = start + position;
        int value = 0;
        for (int shift = 0, i = 0; i < 5; i++, shift += 7)
        {
            byte b = p[i];
            value |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                position += i + 1;
                return value;
            }
        }
        throw new IOException($"Invalid vInt detected (too many bits): {this}");
    }

    public override long ReadVInt64()
    {
        if (length - position < 9)
        {
            return base.ReadVInt64();
        }
        file.EnsureOpen();
        byte* p = start + position;
        long value = 0;
        for (int shift = 0, i = 0; i < 9; i++, shift += 7)
        {
            byte b = p[i];
            value |= (long)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                position += i + 1;
                return value;
            }
        }
        throw new IOException($"Invalid vLong detected (negative values disallowed): {this}");
    }

    public override object Clone()
    {
        file.EnsureOpen();
        var clone = (MappedIndexInput)base.Clone();
        clone.isClone = true;
        return clone;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsFile && !isClone)
        {
            file.Dispose();
        }
    }
}
