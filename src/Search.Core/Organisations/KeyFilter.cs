using System.Runtime.CompilerServices;

namespace Search.Core.Organisations;

/// <summary>
/// One bit per hash of each word key in a set, so most words of a text are ruled out by one bit test before any
/// dictionary lookup: about one word in ten starts an alias. A set bit may be a collision (the dictionary decides);
/// a clear bit is always right. Filled while a gazetteer is built, read-only after, so it serves concurrent extractions.
/// </summary>
internal sealed class KeyFilter
{
    private const int HashBits = 16;

    private readonly ulong[] bits = new ulong[(1 << HashBits) / 64];

    /// <summary>
    /// A hash of the key's length and its first, middle and last characters: constant time per word, so the
    /// tokenizer adds it to every <see cref="WordToken"/> without a chain through each character. Words that share
    /// all of these only cost a dictionary lookup.
    /// </summary>
    public static int Hash(ReadOnlySpan<char> key)
    {
        int length = key.Length;
        if (length == 0)
        {
            return 0;
        }
        uint hash = ((((((uint)length * 31) + key[0]) * 31) + key[length >> 1]) * 31) + key[length - 1];
        // Fibonacci hashing spreads the sum into the top bits that pick the slot.
        return (int)(hash * 0x9E3779B1);
    }

    public static KeyFilter Of(IEnumerable<string> keys)
    {
        var filter = new KeyFilter();
        foreach (var key in keys)
        {
            filter.Add(key);
        }
        return filter;
    }

    public void Add(ReadOnlySpan<char> key)
    {
        uint slot = Slot(Hash(key));
        bits[slot >> 6] |= 1UL << (int)(slot & 63);
    }

    /// <summary>False when no key of the set has this hash; true when one may.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayContain(int hash)
    {
        uint slot = Slot(hash);
        return (bits[slot >> 6] & (1UL << (int)(slot & 63))) != 0;
    }

    /// <summary>The top bits, where the multiplication mixes best.</summary>
    private static uint Slot(int hash) => (uint)hash >> (32 - HashBits);
}
