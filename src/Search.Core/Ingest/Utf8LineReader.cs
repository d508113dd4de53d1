using System.Buffers;

namespace Search.Core.Ingest;

/// <summary>
/// Reads a stream as raw byte lines (LF or CRLF), so each line can be UTF-8 checked and parsed on its own and a file
/// of any length is never held in memory whole. A returned line is valid only until the next call.
/// </summary>
internal sealed class Utf8LineReader : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfStream;

    /// <param name="stream">The source; not disposed by this reader.</param>
    /// <param name="maxLineBytes">Longer lines are skipped and reported as too long instead of being buffered.</param>
    public Utf8LineReader(Stream stream, int maxLineBytes)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferSize, maxLineBytes + 2));
    }

    /// <summary>Reads the next line without its terminator. Returns false at the end of the stream.</summary>
    /// <param name="line">The line's bytes; empty when <paramref name="tooLong"/> is true.</param>
    /// <param name="tooLong">True when the line exceeded the limit and was skipped.</param>
    public bool TryReadLine(out ReadOnlyMemory<byte> line, out bool tooLong)
    {
        int scanFrom = _start;
        while (true)
        {
            int newline = _buffer.AsSpan(scanFrom, _end - scanFrom).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                int lineEnd = scanFrom + newline;
                line = TrimCarriageReturn(_buffer.AsMemory(_start, lineEnd - _start));
                _start = lineEnd + 1;
                return Accept(ref line, out tooLong);
            }
            if (_endOfStream)
            {
                if (_start == _end)
                {
                    line = default;
                    tooLong = false;
                    return false;
                }
                line = TrimCarriageReturn(_buffer.AsMemory(_start, _end - _start));
                _start = _end;
                return Accept(ref line, out tooLong);
            }
            if (_end - _start > _maxLineBytes)
            {
                SkipRestOfLine();
                line = default;
                tooLong = true;
                return true;
            }
            scanFrom = _end;
            int shift = _start;
            Fill();
            scanFrom -= shift;
        }
    }

    private bool Accept(ref ReadOnlyMemory<byte> line, out bool tooLong)
    {
        tooLong = line.Length > _maxLineBytes;
        if (tooLong)
        {
            line = default;
        }
        return true;
    }

    private static ReadOnlyMemory<byte> TrimCarriageReturn(ReadOnlyMemory<byte> line) =>
        line.Length > 0 && line.Span[^1] == (byte)'\r' ? line[..^1] : line;

    /// <summary>Moves pending bytes to the front, grows the buffer when it is full, and reads more.</summary>
    private void Fill()
    {
        int pending = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = pending;
        }
        if (_end == _buffer.Length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, larger, 0, pending);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfStream = true;
        }
        _end += read;
    }

    /// <summary>Discards input up to and including the next newline, keeping memory bounded for huge lines.</summary>
    private void SkipRestOfLine()
    {
        while (true)
        {
            int newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start += newline + 1;
                return;
            }
            _start = _end = 0;
            int read = _stream.Read(_buffer, 0, _buffer.Length);
            if (read == 0)
            {
                _endOfStream = true;
                return;
            }
            _end = read;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
