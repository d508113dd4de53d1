using Google.Protobuf.WellKnownTypes;
using Search.Core.Model;
using Proto = Search.Contracts.V1;

namespace Search.Server.Mapping;

/// <summary>Article conversions between the wire contract and the engine (the CLI uses them too).</summary>
public static class ArticleMapping
{
    public static Article ToCore(this Proto.Article article) => new()
    {
        Id = article.Id.Trim(),
        Title = article.Title,
        Body = article.Body,
        Source = article.Source,
        Author = article.Author,
        Published = article.Published is null ? null : ToDateTimeOffset(article.Published),
        Url = article.Url,
        Tags = article.Tags.ToList(),
        Organisations = article.Organisations.ToList(),
    };

    public static Proto.Article ToProto(this Article article)
    {
        var proto = new Proto.Article
        {
            Id = article.Id,
            Title = article.Title,
            Body = article.Body,
            Source = article.Source,
            Author = article.Author,
            Url = article.Url,
            Published = article.Published is { } published ? Timestamp.FromDateTimeOffset(published) : null,
        };
        proto.Tags.AddRange(article.Tags);
        proto.Organisations.AddRange(article.Organisations);
        foreach (OrganisationMention mention in article.Mentions)
        {
            proto.Mentions.Add(new Proto.OrganisationMention
            {
                Organisation = mention.Organisation,
                Text = mention.Text,
                Field = mention.Field,
                Start = mention.Start,
                End = mention.End,
            });
        }
        return proto;
    }

    /// <summary>
    /// Converts a timestamp, refusing values outside what a date can hold (protobuf allows seconds far beyond
    /// year 9999, which would otherwise throw deep inside the engine).
    /// </summary>
    public static DateTimeOffset ToDateTimeOffset(Timestamp timestamp)
    {
        const long MinSeconds = -62135596800; // 0001-01-01
        const long MaxSeconds = 253402300799; // 9999-12-31T23:59:59
        if (timestamp.Seconds < MinSeconds || timestamp.Seconds > MaxSeconds || timestamp.Nanos is < 0 or > 999_999_999)
        {
            throw new Core.SearchRequestException(Core.SearchErrorKind.InvalidArgument,
                $"timestamp {timestamp.Seconds}s/{timestamp.Nanos}ns is outside years 1..9999.");
        }
        return timestamp.ToDateTimeOffset();
    }
}
