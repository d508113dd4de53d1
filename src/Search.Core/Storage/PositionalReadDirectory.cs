using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace Search.Core.Storage;

/// <summary>
/// A file-system directory whose inputs read with positional reads (<see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/>,
/// <c>pread</c> on Linux) on a shared file handle.
/// </summary>
/// <remarks>
/// Lucene.NET's <see cref="NIOFSDirectory"/> reads through a <see cref="FileStream"/>: every buffer refill takes a
/// lock on the stream, moves its position, asks the file's length and copies through the stream's own buffer. A
/// search refills thousands of times (term lookups, postings, stored fields), and profiles showed those refills
/// as a third of a plain query's time; concurrent searches also queued on the lock. A positional read is one
/// system call and needs no lock, because nothing about the handle changes. Writing is
/// <see cref="FSDirectory"/>'s own.
/// </remarks>
public sealed class PositionalReadDirectory : FSDirectory
{
    public PositionalReadDirectory(DirectoryInfo path)
        : base(path, null)
    {
    }

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        string path = Path.Combine(Directory.FullName, name);
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
