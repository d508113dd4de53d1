using Google.Protobuf.WellKnownTypes;
using Proto = Search.Contracts.V1;

namespace Search.Cli.Ingest;

/// <summary>Turns an article read from a file into its wire form (mentions are output only, so none are sent).</summary>
internal static class ArticleConverter
{
    public static Proto.Article ToProto(Core.Model.Article article)
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
        return proto;
    }
}
