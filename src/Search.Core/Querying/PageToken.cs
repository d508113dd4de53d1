using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Search.Core.Querying;

/// <summary>
/// A search-after position: the sort values of the last hit of a page, and a fingerprint of the query, filter
/// and sort it was made for. Opaque to clients (base64url).
/// </summary>
internal sealed record PageToken(ulong Fingerprint, SearchSort Sort, float Score, long? Published, string Id)
{
    private const byte FormatVersion = 1;

    public string Encode()
    {
        byte[] id = Encoding.UTF8.GetBytes(Id);
        var buffer = new byte[1 + 8 + 1 + 4 + 1 + 8 + id.Length];
        buffer[0] = FormatVersion;
        BinaryPrimitives.WriteUInt64LittleEndian(buffer.AsSpan(1), Fingerprint);
        buffer[9] = (byte)Sort;
        BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(10), Score);
        buffer[14] = Published is null ? (byte)0 : (byte)1;
        BinaryPrimitives.WriteInt64LittleEndian(buffer.AsSpan(15), Published ?? 0);
        id.CopyTo(buffer, 23);
        return Convert.ToBase64String(buffer).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Decodes a token and checks it belongs to this query, filter and sort.</summary>
    public static PageToken Decode(string token, ulong expectedFingerprint, SearchSort expectedSort)
    {
        byte[] buffer;
        try
        {
            string base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            buffer = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw SearchRequestException.Invalid("page_token is malformed; pass next_page_token from the previous response unchanged.");
        }
        if (buffer.Length < 23 || buffer[0] != FormatVersion || buffer[9] > 2 || buffer[14] > 1)
        {
            throw SearchRequestException.Invalid("page_token is malformed; pass next_page_token from the previous response unchanged.");
        }
        ulong fingerprint = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(1));
        var sort = (SearchSort)buffer[9];
        if (fingerprint != expectedFingerprint || sort != expectedSort)
        {
            throw SearchRequestException.Invalid("page_token was made for a different query, filter or sort; start again without a token.");
        }
        string id;
        try
        {
            id = new UTF8Encoding(false, true).GetString(buffer, 23, buffer.Length - 23);
        }
        catch (DecoderFallbackException)
        {
            throw SearchRequestException.Invalid("page_token is malformed; pass next_page_token from the previous response unchanged.");
        }
        float score = BinaryPrimitives.ReadSingleLittleEndian(buffer.AsSpan(10));
        long? published = buffer[14] == 1 ? BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(15)) : null;
        return new PageToken(fingerprint, sort, score, published, id);
    }

    /// <summary>Fingerprint of what decides the order and membership of hits.</summary>
    public static ulong FingerprintOf(SearchQuery query)
    {
        var text = new StringBuilder();
        text.Append(query.Text).Append('\u0001').Append((int)query.Sort).Append('\u0001');
        AppendAll(text, query.Filter.Sources);
        AppendAll(text, query.Filter.Organisations);
        AppendAll(text, query.Filter.Tags);
        AppendAll(text, query.Filter.Authors);
        text.Append(query.Filter.PublishedFrom?.ToUnixTimeMilliseconds()).Append('\u0001');
        text.Append(query.Filter.PublishedTo?.ToUnixTimeMilliseconds());
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }

    private static void AppendAll(StringBuilder text, IReadOnlyList<string> values)
    {
        foreach (string value in values.Order(StringComparer.Ordinal))
        {
            text.Append(value).Append('\u0002');
        }
        text.Append('\u0001');
    }
}
