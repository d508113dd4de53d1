using System.Text;
using Lucene.Net.Util;
using Search.Core.Model;

namespace Search.Core.Schema;

/// <summary>
/// Packs everything a search hit shows except the body (id, title, source, author, url, published, tags,
/// canonical organisations, mentions) into one binary doc value per article.
/// </summary>
/// <remarks>
/// A hit used to be read from stored fields, which Lucene compresses in blocks of several articles: reading one
/// article's metadata decompressed the bodies stored before it in its block, about 35 µs per hit, most of a
/// plain query's time. A doc value is read in place. Layout: a version byte, then strings as a 7-bit length
/// and UTF-8 bytes, counts and offsets as 7-bit integers; a mention names its organisation by position in the
/// article's organisation list, so repeated names are written once. Version 2 also writes a mention's text once:
/// most mentions read exactly as the organisation's name (83% on news corpora), and the rest repeat, so the text
/// is a code (the name, a new literal, or an earlier literal), and the end is written as a length. Records of
/// version 1 are still read.
/// </remarks>
public static class HitRecordCodec
{
    private const byte Version = 2;
    private const byte FirstVersion = 1;

    /// <summary>Text codes of a version-2 mention: the organisation's name, a literal, or literal n at n + 2.</summary>
    private const int TextIsName = 0;
    private const int TextIsLiteral = 1;
    private const int FirstRepeatedText = 2;
    private const byte TitleField = 0;
    private const byte BodyField = 1;
    private const byte OtherField = 2;

    public static BytesRef Encode(Article article, IReadOnlyList<string> organisations, IReadOnlyList<OrganisationMention> mentions)
    {
        using var buffer = new MemoryStream(256);
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write(article.Id);
            writer.Write(article.Title);
            writer.Write(article.Source);
            writer.Write(article.Author);
            writer.Write(article.Url);
            writer.Write(article.Published.HasValue);
            if (article.Published is { } published)
            {
                writer.Write(published.ToUnixTimeMilliseconds());
            }
            WriteList(writer, article.Tags);
            WriteList(writer, organisations);
            writer.Write7BitEncodedInt(mentions.Count);
            List<string>? literals = null;
            foreach (OrganisationMention mention in mentions)
            {
                int position = IndexOf(organisations, mention.Organisation);
                writer.Write7BitEncodedInt(position);
                if (position == organisations.Count)
                {
                    writer.Write(mention.Organisation);
                }
                WriteText(writer, mention, ref literals);
                byte field = mention.Field switch { ArticleFields.Title => TitleField, ArticleFields.Body => BodyField, _ => OtherField };
                writer.Write(field);
                if (field == OtherField)
                {
                    writer.Write(mention.Field);
                }
                writer.Write7BitEncodedInt(mention.Start);
                writer.Write7BitEncodedInt(mention.End - mention.Start);
            }
        }
        return new BytesRef(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The article without its body.</summary>
    public static Article Decode(BytesRef record)
    {
        using var buffer = new MemoryStream(record.Bytes, record.Offset, record.Length, writable: false);
        using var reader = new BinaryReader(buffer, Encoding.UTF8);
        byte version = reader.ReadByte();
        if (version is not (Version or FirstVersion))
        {
            throw new InvalidDataException($"Hit record version {version} is not known to this version of the service; reindex.");
        }
        string id = reader.ReadString();
        string title = reader.ReadString();
        string source = reader.ReadString();
        string author = reader.ReadString();
        string url = reader.ReadString();
        DateTimeOffset? published = reader.ReadBoolean() ? DateTimeOffset.FromUnixTimeMilliseconds(reader.ReadInt64()) : null;
        string[] tags = ReadList(reader);
        string[] organisations = ReadList(reader);
        var mentions = new OrganisationMention[reader.Read7BitEncodedInt()];
        List<string>? literals = null;
        for (int i = 0; i < mentions.Length; i++)
        {
            int position = reader.Read7BitEncodedInt();
            string organisation = position < organisations.Length ? organisations[position] : reader.ReadString();
            string text = version == FirstVersion ? reader.ReadString() : ReadText(reader, organisation, ref literals);
            string field = reader.ReadByte() switch { TitleField => ArticleFields.Title, BodyField => ArticleFields.Body, _ => reader.ReadString() };
            int start = reader.Read7BitEncodedInt();
            int end = version == FirstVersion ? reader.Read7BitEncodedInt() : start + reader.Read7BitEncodedInt();
            mentions[i] = new OrganisationMention(organisation, text, field, start, end);
        }
        return new Article
        {
            Id = id, Title = title, Source = source, Author = author, Url = url, Published = published,
            Tags = tags, Organisations = organisations, Mentions = mentions,
        };
    }

    private static void WriteText(BinaryWriter writer, OrganisationMention mention, ref List<string>? literals)
    {
        if (string.Equals(mention.Text, mention.Organisation, StringComparison.Ordinal))
        {
            writer.Write7BitEncodedInt(TextIsName);
            return;
        }
        literals ??= [];
        int earlier = literals.IndexOf(mention.Text);
        if (earlier >= 0)
        {
            writer.Write7BitEncodedInt(FirstRepeatedText + earlier);
            return;
        }
        writer.Write7BitEncodedInt(TextIsLiteral);
        writer.Write(mention.Text);
        literals.Add(mention.Text);
    }

    private static string ReadText(BinaryReader reader, string organisation, ref List<string>? literals)
    {
        int code = reader.Read7BitEncodedInt();
        if (code == TextIsName)
        {
            return organisation;
        }
        literals ??= [];
        if (code == TextIsLiteral)
        {
            string text = reader.ReadString();
            literals.Add(text);
            return text;
        }
        int earlier = code - FirstRepeatedText;
        if (earlier < 0 || earlier >= literals.Count)
        {
            throw new InvalidDataException($"Hit record names mention text {earlier} of {literals.Count}; the record is damaged, reindex.");
        }
        return literals[earlier];
    }

    private static void WriteList(BinaryWriter writer, IReadOnlyList<string> values)
    {
        writer.Write7BitEncodedInt(values.Count);
        foreach (string value in values)
        {
            writer.Write(value);
        }
    }

    private static string[] ReadList(BinaryReader reader)
    {
        var values = new string[reader.Read7BitEncodedInt()];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadString();
        }
        return values;
    }

    private static int IndexOf(IReadOnlyList<string> values, string value)
    {
        for (int i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return values.Count;
    }
}
