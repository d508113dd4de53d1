using System.Globalization;
using System.Text.Json;
using Search.Core.Model;

namespace Search.Core.Ingest;

/// <summary>
/// Turns one JSON Lines record into an article. Uses <see cref="Utf8JsonReader"/> directly: no DOM, no
/// reflection, one pass over the bytes. Type errors are collected per field and parsing goes on, so the id can
/// still be reported and every wrong field is named at once.
/// </summary>
internal static class JsonArticleLineParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };

    public static IngestRecord Parse(ReadOnlySpan<byte> line, string location, ArticleReaderOptions options)
    {
        int invalidByte = Utf8Check.FirstInvalidByte(line);
        if (invalidByte >= 0)
        {
            return Failed(location, null, string.Create(CultureInfo.InvariantCulture,
                $"invalid UTF-8 at byte {invalidByte} of the line; save the file as UTF-8"));
        }

        var fields = new JsonArticleFields();
        var reader = new Utf8JsonReader(Utf8Check.WithoutByteOrderMark(line), ReaderOptions);
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return Failed(location, null, $"expected a JSON object, found {Describe(reader.TokenType)}");
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                ReadProperty(ref reader, fields);
            }
            // Anything after the closing brace makes the reader throw, which reports it like any other syntax error.
            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            return Failed(location, fields.Id, $"invalid JSON: {ex.Message}");
        }

        if (fields.Errors.Count > 0)
        {
            return Failed(location, fields.Id, string.Join("; ", fields.Errors));
        }

        Article article = fields.ToArticle(options.DefaultSource);
        string? invalid = ArticleValidator.Validate(article, options.MaxArticleBytes);
        return invalid is null ? IngestRecord.Ok(article) : Failed(location, fields.Id, invalid);
    }

    private static void ReadProperty(ref Utf8JsonReader reader, JsonArticleFields fields)
    {
        if (reader.ValueTextEquals("id"u8))
        {
            fields.Id = ReadString(ref reader, "id", fields.Errors, allowNull: false);
        }
        else if (reader.ValueTextEquals("title"u8))
        {
            fields.Title = ReadString(ref reader, "title", fields.Errors, allowNull: true);
        }
        else if (reader.ValueTextEquals("body"u8))
        {
            fields.Body = ReadString(ref reader, "body", fields.Errors, allowNull: true);
        }
        else if (reader.ValueTextEquals("source"u8))
        {
            fields.Source = ReadString(ref reader, "source", fields.Errors, allowNull: true);
        }
        else if (reader.ValueTextEquals("author"u8))
        {
            fields.Author = ReadString(ref reader, "author", fields.Errors, allowNull: true);
        }
        else if (reader.ValueTextEquals("url"u8))
        {
            fields.Url = ReadString(ref reader, "url", fields.Errors, allowNull: true);
        }
        else if (reader.ValueTextEquals("published"u8))
        {
            fields.Published = ReadDate(ref reader, "published", fields.Errors);
        }
        else if (reader.ValueTextEquals("tags"u8))
        {
            fields.Tags = ReadStringArray(ref reader, "tags", fields.Errors);
        }
        else if (reader.ValueTextEquals("organisations"u8))
        {
            fields.Organisations = ReadStringArray(ref reader, "organisations", fields.Errors);
        }
        else
        {
            // Unknown keys are ignored so feeds can carry extra data.
            reader.Read();
            reader.Skip();
        }
    }

    private static string? ReadString(ref Utf8JsonReader reader, string field, List<string> errors, bool allowNull)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null when allowNull:
                return null;
            default:
                errors.Add($"\"{field}\" must be a string, found {Describe(reader.TokenType)}");
                reader.Skip();
                return null;
        }
    }

    private static DateTimeOffset? ReadDate(ref Utf8JsonReader reader, string field, List<string> errors)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        if (reader.TokenType != JsonTokenType.String)
        {
            errors.Add($"\"{field}\" must be an ISO-8601 date string or null, found {Describe(reader.TokenType)}");
            reader.Skip();
            return null;
        }
        // TryGetDateTime reports whether an offset was given (Kind Unspecified when not); a time without offset
        // means UTC here, whereas TryGetDateTimeOffset would assume this machine's time zone.
        if (reader.TryGetDateTime(out DateTime dateTime))
        {
            if (dateTime.Kind == DateTimeKind.Unspecified)
            {
                return new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc));
            }
            if (reader.TryGetDateTimeOffset(out DateTimeOffset withOffset))
            {
                return withOffset.ToUniversalTime();
            }
        }
        errors.Add($"\"{field}\" is not an ISO-8601 date or date-time: \"{reader.GetString()}\" " +
            "(expected e.g. 2018-11-09, 1987-02-26T15:02:20 or 2020-05-01T10:00:00+02:00)");
        return null;
    }

    private static List<string>? ReadStringArray(ref Utf8JsonReader reader, string field, List<string> errors)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            errors.Add($"\"{field}\" must be an array of strings, found {Describe(reader.TokenType)}");
            reader.Skip();
            return null;
        }
        var values = new List<string>();
        int index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                values.Add(reader.GetString()!);
            }
            else
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture,
                    $"\"{field}[{index}]\" must be a string, found {Describe(reader.TokenType)}"));
                reader.Skip();
            }
            index++;
        }
        return values;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => "nothing",
    };

    private static IngestRecord Failed(string location, string? id, string message) =>
        IngestRecord.Failed(new IngestError(location, id, message));
}
