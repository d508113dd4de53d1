using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace Search.Core.Storage;

/// <summary>
/// A file-system directory that reads index files through memory mappings (<see cref="MappedIndexInput"/>),
/// except stored fields, which it reads with positional reads (<see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/>,
/// <c>pread</c> on Linux) on a shared file handle. Writing is <see cref="FSDirectory"/>'s own.
/// </summary>
/// <remarks>
/// A search makes thousands of small random reads: term lookups, postings, doc values for facets and hit records.
/// Through a buffered input each one that leaves the buffer is a system call; through a mapping it is a memory
/// read, which made plain and faceted queries 15–25% faster in-process. Lucene.NET's own
/// <see cref="MMapDirectory"/> reads through a byte-buffer abstraction and loads stored fields about half as fast
/// as <see cref="NIOFSDirectory"/>, so this one reads through a pointer. NIOFSDirectory in turn locks, seeks and
/// asks the length of a shared stream on every refill; a positional read is one system call and needs no lock.
/// Stored fields (article bodies, the largest file) stay on positional reads: they are read a block at a time,
/// so a mapping gains little there, and not mapping them keeps bodies out of the server's resident memory.
/// </remarks>
public sealed class MappedDirectory : FSDirectory
{
    public MappedDirectory(DirectoryInfo path)
        : base(path, null)
    {
    }

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        string path = Path.Combine(Directory.FullName, name);
        if (!IsStoredFields(name))
        {
            var mapped = new MappedFile(path);
            return new MappedIndexInput($"MappedIndexInput(path=\"{path}\")", mapped, 0, mapped.Length, ownsFile: true);
        }
        SafeFileHandle handle = OpenRead(path);
        try
        {
            return new PositionalReadIndexInput(
                $"PositionalReadIndexInput(path=\"{path}\")", handle, 0, RandomAccess.GetLength(handle), BufferedIndexInput.GetBufferSize(context), ownsHandle: true);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        string path = Path.Combine(Directory.FullName, name);
        return new Slicer(path, OpenRead(path), BufferedIndexInput.GetBufferSize(context));
    }

    /// <summary>Stored-field data files of Lucene's 4.x stored-fields format.</summary>
    private static bool IsStoredFields(string name) => name.EndsWith(".fdt", StringComparison.Ordinal);

    private static SafeFileHandle OpenRead(string path) =>
        File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

    /// <summary>Slices of a compound file, all reading the one handle the slicer owns.</summary>
    private sealed class Slicer(string path, SafeFileHandle handle, int bufferSize) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            new PositionalReadIndexInput(
                $"PositionalReadIndexInput({sliceDescription} in path=\"{path}\" slice={offset}:{offset + length})", handle, offset, length, bufferSize, ownsHandle: false);

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, RandomAccess.GetLength(handle));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                handle.Dispose();
            }
        }
    }
}
