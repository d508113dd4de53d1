using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Search.Core.Organisations;

/// <summary>
/// The leading run of ASCII letters and digits of a word, the whole of most words: its key is the text with letters
/// lower-cased (setting bit 0x20 leaves digits as they are). Eight characters are classified at once where the
/// hardware allows, so a short word costs no branch per character.
/// </summary>
internal static class AsciiWordRun
{
    /// <summary>
    /// Scans from <paramref name="i"/> to the first character that is no ASCII letter or digit, writing the key at
    /// the same offsets of <paramref name="keys"/> (positions after the run may get scratch values: they belong to no
    /// word yet, and the next word overwrites its own). Returns the run's end.
    /// </summary>
    public static int Scan(ReadOnlySpan<char> chars, int i, Span<char> keys, out int letters, out int upper)
    {
        letters = 0;
        upper = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var caseBit = Vector128.Create((ushort)0x20);
            var alphabetSpan = Vector128.Create((ushort)('z' - 'a'));
            var digitSpan = Vector128.Create((ushort)('9' - '0'));
            while (i + Vector128<ushort>.Count <= chars.Length)
            {
                var text = Vector128.Create(MemoryMarshal.Cast<char, ushort>(chars.Slice(i, Vector128<ushort>.Count)));
                var folded = text | caseBit;
                // Unsigned: anything below the range wraps round to a large value.
                var isLetter = Vector128.LessThanOrEqual(folded - Vector128.Create((ushort)'a'), alphabetSpan);
                var isDigit = Vector128.LessThanOrEqual(text - Vector128.Create((ushort)'0'), digitSpan);
                var isUpper = Vector128.LessThanOrEqual(text - Vector128.Create((ushort)'A'), alphabetSpan);
                uint inWord = (isLetter | isDigit).ExtractMostSignificantBits();
                int run = BitOperations.TrailingZeroCount(~inWord);
                uint prefix = (1u << run) - 1;
                letters += BitOperations.PopCount(isLetter.ExtractMostSignificantBits() & prefix);
                upper += BitOperations.PopCount(isUpper.ExtractMostSignificantBits() & prefix);
                folded.CopyTo(MemoryMarshal.Cast<char, ushort>(keys.Slice(i, Vector128<ushort>.Count)));
                i += run;
                if (run < Vector128<ushort>.Count)
                {
                    return i;
                }
            }
        }
        // The last few characters of the text, or no vector hardware: one at a time.
        while ((uint)i < (uint)chars.Length)
        {
            uint c = chars[i];
            uint folded = c | 0x20;
            bool letter = folded - 'a' <= 'z' - 'a';
            if (!letter && c - '0' > '9' - '0')
            {
                break;
            }
            keys[i] = (char)folded;
            if (letter)
            {
                letters++;
                upper += (int)(~c >> 5) & 1;
            }
            i++;
        }
        return i;
    }
}
