using System.Text;
using Lucene.Net.Util;
using Search.Core.Model;
using Search.Core.Schema;

namespace Search.Core.Tests.Schema;

public sealed class HitRecordCodecTests
{
    private static readonly Article Sample = new()
    {
        Id = "a-1",
        Title = "Europol and the EU IRU",
        Source = "Security Affairs",
        Url = "https://example.org/a-1",
        Published = new DateTimeOffset(2018, 4, 27, 9, 30, 0, TimeSpan.Zero),
    };

    [Fact]
    public void Mentions_with_repeated_and_differing_texts_round_trip()
    {
        const string Iru = "European Union Internet Referral Unit";
        var mentions = new List<OrganisationMention>
        {
            new("Europol", "Europol", ArticleFields.Title, 0, 7),
            new(Iru, "EU IRU", ArticleFields.Title, 16, 22),
            new("Europol", "EUROPOL", ArticleFields.Body, 40, 47),
            new(Iru, "EU IRU", ArticleFields.Body, 90, 96),
            new("Europol", "Europol", ArticleFields.Body, 120, 127),
            new("Europol", "EUROPOL", ArticleFields.Body, 300, 307),
            new("Nowhere Group", "Nowhere", "summary", 3, 10),
        };

        Article decoded = HitRecordCodec.Decode(HitRecordCodec.Encode(Sample, ["Europol", Iru], mentions));

        Assert.Equal(mentions, decoded.Mentions);
    }

    [Fact]
    public void A_mention_text_is_written_once_however_often_it_recurs()
    {
        var once = new List<OrganisationMention> { new("Europol", "EUROPOL", ArticleFields.Body, 0, 7) };
        var often = Enumerable.Range(0, 20).Select(i => new OrganisationMention("Europol", "EUROPOL", ArticleFields.Body, i * 100, i * 100 + 7)).ToList();

        int onceLength = HitRecordCodec.Encode(Sample, ["Europol"], once).Length;
        int oftenLength = HitRecordCodec.Encode(Sample, ["Europol"], often).Length;

        // Each further mention costs its organisation, text code, field, start and length: 1 + 1 + 1 + 2 + 1 bytes.
        Assert.True(oftenLength - onceLength <= 19 * 6, $"20 mentions took {oftenLength - onceLength} bytes more than one");
    }

    [Fact]
    public void Records_of_the_first_version_are_still_read()
    {
        BytesRef record = FirstVersionRecord();

        Article decoded = HitRecordCodec.Decode(record);

        Assert.Equal(("old-1", "Old title", "Reuters", ""), (decoded.Id, decoded.Title, decoded.Source, decoded.Author));
        Assert.Null(decoded.Published);
        Assert.Equal(["markets"], decoded.Tags);
        Assert.Equal(["Europol"], decoded.Organisations);
        Assert.Equal([new OrganisationMention("Europol", "EUROPOL", ArticleFields.Body, 15, 22)], decoded.Mentions);
    }

    [Fact]
    public void An_unknown_version_is_refused_with_a_reason()
    {
        var error = Assert.Throws<InvalidDataException>(() => HitRecordCodec.Decode(new BytesRef([9, 0])));

        Assert.Contains("reindex", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Version 1 as earlier releases wrote it: every mention's text written out, its end as an offset.</summary>
    private static BytesRef FirstVersionRecord()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write((byte)1);
            writer.Write("old-1");
            writer.Write("Old title");
            writer.Write("Reuters");
            writer.Write("");
            writer.Write("");
            writer.Write(false);
            writer.Write7BitEncodedInt(1);
            writer.Write("markets");
            writer.Write7BitEncodedInt(1);
            writer.Write("Europol");
            writer.Write7BitEncodedInt(1);
            writer.Write7BitEncodedInt(0);
            writer.Write("EUROPOL");
            writer.Write((byte)1);
            writer.Write7BitEncodedInt(15);
            writer.Write7BitEncodedInt(22);
        }
        return new BytesRef(buffer.ToArray());
    }
}
