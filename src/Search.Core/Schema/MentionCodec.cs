using System.Text.Json;
using Search.Core.Model;

namespace Search.Core.Schema;

/// <summary>Stores organisation mentions as one compact JSON stored field (arrays, not objects, to stay small).</summary>
public static class MentionCodec
{
    public static string Encode(IReadOnlyList<OrganisationMention> mentions)
    {
        var rows = new object[mentions.Count];
        for (int i = 0; i < mentions.Count; i++)
        {
            OrganisationMention m = mentions[i];
            rows[i] = new object[] { m.Organisation, m.Text, m.Field, m.Start, m.End };
        }
        return JsonSerializer.Serialize(rows);
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
