using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Search.Core.Ingest;

/// <summary>Finds invalid UTF-8 so it is reported instead of being silently replaced by U+FFFD.</summary>
internal static class Utf8Check
{
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Returns the offset of the first byte that is not valid UTF-8, or -1 when all of it is valid.</summary>
    public static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return -1;
        }
        // Slow path, taken only for broken input: walk scalar by scalar to locate the bad byte.
        int offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out int consumed) != OperationStatus.Done)
            {
                return offset;
            }
            offset += consumed;
        }
        return -1;
    }

    /// <summary>Drops a leading UTF-8 byte order mark, which some editors write and JSON does not allow.</summary>
    public static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(ByteOrderMark) ? bytes[ByteOrderMark.Length..] : bytes;
}
