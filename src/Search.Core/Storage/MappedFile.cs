using System.IO.MemoryMappedFiles;
using Lucene.Net.Store;

namespace Search.Core.Storage;

/// <summary>A read-only mapping of a whole file, shared by an input, its clones and its slices.</summary>
internal sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile? mapping;
    private readonly MemoryMappedViewAccessor? view;
    private volatile bool disposed;

    public MappedFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
        Length = stream.Length;
        if (Length == 0)
        {
            // An empty file cannot be mapped; nothing will be read from it.
            return;
        }
        mapping = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        view = mapping.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        Pointer = pointer + view.PointerOffset;
    }

    public long Length { get; }

    public byte* Pointer { get; }

    public void EnsureOpen()
    {
        if (disposed)
        {
            throw new ObjectDisposedException(nameof(MappedFile), "this index input was closed");
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        if (view is not null)
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
        }
        mapping?.Dispose();
    }
}
