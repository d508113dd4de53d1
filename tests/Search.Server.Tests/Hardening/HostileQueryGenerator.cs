using System.Text;

namespace Search.Server.Tests.Hardening;

/// <summary>
/// Seeded generator of hostile query strings: syntax fragments that Lucene's classic parser chokes on, extreme
/// numbers, unknown fields, odd Unicode, and mutations (insert, delete, duplicate, swap) of all of those.
/// </summary>
public sealed class HostileQueryGenerator(int seed)
{
    private static readonly string[] Fragments =
    [
        "\"", "\"unbalanced", "(", ")", "((", "))", "(a OR", "b)", "AND", "OR", "NOT", "+", "-", "!", "&&", "||",
        "*", "?", "*foo", "?ar", "fo*", "f?o", "~", "foo~99999999", "foo~-1", "foo~0.5", "foo~1e309", "foo~NaN",
        "\"a b\"~99999999", "\"a b\"~-5", "nosuchfield:x", "title:", "body:", ":", "::", "source:", "[a TO", "{",
        "}", "]", "[a TO b}", "{* TO *}", "title:[a TO z]", "foo^99999999999", "foo^-1", "foo^1e309", "^", "^^",
        "\0", "\u0001", "\u001b[31m", "\ud800", "\udc00", "\ud83d\ude00", "\u202e", "\u200b", "\ufeff", "\\",
        "a\\", "\\\\", "/regex/", "/", "org:", "tag:\"", "author:(", "title:(a OR b", "ünïcödé", "日本語", "مرحبا",
        "security", "breach", "EU", "Daesh", "\t", "\n", "\r\n", "   ", "a AND OR b", "NOT NOT", "- -", "+-",
        "\"\"", "()", "title:\"\"", "*:*", "?:?", "title:*", "~~", "foo~2~2", "a:b:c", "\"a\" \"b", "& |",
    ];

    private const string SyntaxChars = "+-&|!(){}[]^\"~*?:\\/";

    private readonly Random _random = new(seed);

    public string Next()
    {
        string query = _random.Next(4) == 0 ? RandomChars() : Compose();
        int mutations = _random.Next(3);
        for (int i = 0; i < mutations; i++)
        {
            query = Mutate(query);
        }
        return query;
    }

    /// <summary>
    /// A non-empty page token (empty means "first page"): random bytes in base64url, sometimes with padding or
    /// characters outside the alphabet.
    /// </summary>
    public string NextPageToken()
    {
        byte[] bytes = new byte[_random.Next(1, 64)];
        _random.NextBytes(bytes);
        if (bytes.Length > 0 && _random.Next(3) == 0)
        {
            // Looks like a real token's version byte, so decoding gets past the first check.
            bytes[0] = 1;
        }
        string token = Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
        return _random.Next(5) switch
        {
            0 => token.TrimEnd('='),
            1 => token + "!*",
            2 => token.Length > 1 ? token[..^1] : "%",
            _ => token,
        };
    }

    private string Compose()
    {
        var text = new StringBuilder();
        int parts = _random.Next(1, 8);
        for (int i = 0; i < parts; i++)
        {
            text.Append(Fragments[_random.Next(Fragments.Length)]);
            if (_random.Next(3) != 0)
            {
                text.Append(' ');
            }
        }
        return text.ToString();
    }

    private string RandomChars()
    {
        var text = new StringBuilder();
        int length = _random.Next(1, 40);
        for (int i = 0; i < length; i++)
        {
            text.Append(_random.Next(4) switch
            {
                0 => (char)_random.Next(0, 0x20),
                1 => (char)_random.Next(0xD800, 0xE000),
                2 => SyntaxChars[_random.Next(SyntaxChars.Length)],
                _ => (char)_random.Next(0x20, 0x7F),
            });
        }
        return text.ToString();
    }

    private string Mutate(string query)
    {
        if (query.Length == 0)
        {
            return Fragments[_random.Next(Fragments.Length)];
        }
        int at = _random.Next(query.Length);
        return _random.Next(4) switch
        {
            0 => query.Insert(at, Fragments[_random.Next(Fragments.Length)]),
            1 => query.Remove(at, 1),
            2 => query + query,
            _ => query[at..] + query[..at],
        };
    }
}
