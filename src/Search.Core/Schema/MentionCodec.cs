using System.Buffers;
using System.Text;
using System.Text.Json;
using Search.Core.Model;

namespace Search.Core.Schema;

/// <summary>
/// The mentions layout of articles indexed before hit records: one compact JSON stored field (arrays, not
/// objects). New articles keep their mentions in the hit record (<see cref="HitRecordCodec"/>); this stays so such
/// articles still read, and so tests can write them.
/// </summary>
public static class MentionCodec
{
    public static string Encode(IReadOnlyList<OrganisationMention> mentions)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * (mentions.Count + 1));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (OrganisationMention m in mentions)
            {
                json.WriteStartArray();
                json.WriteStringValue(m.Organisation);
                json.WriteStringValue(m.Text);
                json.WriteStringValue(m.Field);
                json.WriteNumberValue(m.Start);
                json.WriteNumberValue(m.End);
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyList<OrganisationMention> Decode(string json)
    {
        using var document = JsonDocument.Parse(json);
        var mentions = new List<OrganisationMention>(document.RootElement.GetArrayLength());
        foreach (JsonElement row in document.RootElement.EnumerateArray())
        {
            mentions.Add(new OrganisationMention(
                row[0].GetString() ?? "", row[1].GetString() ?? "", row[2].GetString() ?? "", row[3].GetInt32(), row[4].GetInt32()));
        }
        return mentions;
    }
}
