namespace Search.Core.Organisations;

/// <summary>
/// A compact list of places (word-key sequences joined by spaces) that are never organisations on their
/// own: "Europe", "the US", "Canada". Names such as "Bank of England" or "Texas Commerce Bank" keep their
/// place words; only a candidate that is nothing but a place is dropped.
/// </summary>
internal static class PlaceNames
{
    private static readonly HashSet<string> Places = new(StringComparer.Ordinal)
    {
        "europe", "asia", "africa", "america", "americas", "north america", "south america", "latin america", "middle east",
        "oceania", "antarctica", "arctic", "eurasia", "scandinavia", "balkans", "caribbean", "gulf", "persian gulf",
        "us", "usa", "united states", "united states of america", "america", "uk", "united kingdom", "britain", "great britain",
        "england", "scotland", "wales", "northern ireland", "ireland", "canada", "mexico", "brazil", "argentina", "chile",
        "peru", "colombia", "venezuela", "ecuador", "bolivia", "uruguay", "paraguay", "cuba", "france", "germany",
        "west germany", "east germany", "italy", "spain", "portugal", "netherlands", "holland", "belgium", "luxembourg",
        "switzerland", "austria", "denmark", "norway", "sweden", "finland", "iceland", "poland", "czech republic", "slovakia",
        "hungary", "romania", "bulgaria", "greece", "turkey", "cyprus", "malta", "russia", "soviet union", "ussr", "ukraine",
        "belarus", "moldova", "georgia", "armenia", "azerbaijan", "kazakhstan", "estonia", "latvia", "lithuania", "serbia",
        "croatia", "slovenia", "bosnia", "albania", "yugoslavia", "china", "japan", "south korea", "north korea", "korea",
        "taiwan", "hong kong", "india", "pakistan", "bangladesh", "sri lanka", "nepal", "afghanistan", "iran", "iraq", "syria",
        "lebanon", "israel", "jordan", "saudi arabia", "kuwait", "qatar", "bahrain", "oman", "yemen", "united arab emirates",
        "uae", "egypt", "libya", "tunisia", "algeria", "morocco", "nigeria", "ghana", "kenya", "ethiopia", "somalia",
        "south africa", "zimbabwe", "zambia", "tanzania", "uganda", "sudan", "indonesia", "malaysia", "singapore",
        "thailand", "vietnam", "philippines", "australia", "new zealand", "london", "paris", "berlin", "brussels", "moscow",
        "washington", "new york", "tokyo", "beijing", "peking", "chicago", "los angeles", "san francisco", "boston",
        "houston", "dallas", "toronto", "montreal", "ottawa", "frankfurt", "zurich", "geneva", "the hague", "amsterdam",
        "rome", "madrid", "vienna", "stockholm", "dublin", "atlanta", "seattle", "sydney", "melbourne", "hong kong",
        "silicon valley", "wall street", "california", "texas", "florida", "ohio", "new jersey", "virginia", "colorado",
        "illinois", "michigan", "pennsylvania", "massachusetts", "indiana", "kansas", "alberta", "ontario", "quebec",
        "british columbia", "internet", "web", "dark web",
    };

    /// <summary>Looked up without building the joined string: a place name has at most four words, and most candidates are no place.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PlacesByCharacters = Places.GetAlternateLookup<ReadOnlySpan<char>>();

    private const int MaxPlaceCharacters = 64;

    /// <summary>Whether the keys of tokens <paramref name="first"/> to <paramref name="last"/>, joined by single spaces, are a place.</summary>
    public static bool IsPlace(TokenizedField field, int first, int last)
    {
        Span<char> joined = stackalloc char[MaxPlaceCharacters];
        int length = 0;
        for (int i = first; i <= last; i++)
        {
            var key = field.Key(i);
            int needed = key.Length + (length > 0 ? 1 : 0);
            if (length + needed > MaxPlaceCharacters)
            {
                return false;
            }
            if (length > 0)
            {
                joined[length++] = ' ';
            }
            key.CopyTo(joined[length..]);
            length += key.Length;
        }
        return PlacesByCharacters.Contains(joined[..length]);
    }
}
