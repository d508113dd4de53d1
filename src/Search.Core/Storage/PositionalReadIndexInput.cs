using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace Search.Core.Storage;

/// <summary>
/// Reads a file, or a slice of one, with positional reads. Clones share the handle and never close it; only
/// the input that owns the handle does.
/// </summary>
internal sealed class PositionalReadIndexInput : BufferedIndexInput
{
    private readonly SafeFileHandle handle;
    private readonly long start;
    private readonly long end;
    private readonly bool ownsHandle;
    private bool isClone;
    private int disposed;

    public PositionalReadIndexInput(string description, SafeFileHandle handle, long start, long length, int bufferSize, bool ownsHandle)
        : base(description, bufferSize)
    {
        this.handle = handle;
        this.start = start;
        end = start + length;
        this.ownsHandle = ownsHandle;
    }

    public override long Length => end - start;

    public override object Clone()
    {
        var clone = (PositionalReadIndexInput)base.Clone();
        clone.isClone = true;
        return clone;
    }

    protected override void ReadInternal(byte[] b, int offset, int length)
    {
        // Position is where the buffer (or a direct read) starts, relative to this input.
        long position = Position + start;
        if (position + length > end)
        {
            throw new EndOfStreamException($"read past EOF: {this} (position {position - start}, length {length}, file length {end - start})");
        }
        Span<byte> target = b.AsSpan(offset, length);
        while (target.Length > 0)
        {
            int read = RandomAccess.Read(handle, target, position);
            if (read <= 0)
            {
                throw new EndOfStreamException($"read past EOF: {this} (the file is shorter than it was when opened)");
            }
            position += read;
            target = target[read..];
        }
    }

    protected override void SeekInternal(long pos)
    {
        // Nothing to move: every read says where it reads.
    }

    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }
        if (disposing && ownsHandle && !isClone)
        {
            handle.Dispose();
        }
    }
}
