namespace Search.Core.Organisations;

/// <summary>
/// Finds organisation names the gazetteer does not know: a run of capitalised words headed by an
/// organisation word ("Texas Commerce Bank", "Colorado Department of Transportation", "Bank of England").
/// The canonical name of such a match is its normalised surface form.
/// </summary>
internal static class OrganisationPatternRecogniser
{
    private const int MaxWords = 10;

    public static void FindAll(TokenizedField field)
    {
        // Case carries the evidence here; in an all-capitals headline every word looks like a name.
        if (field.IsShouting)
        {
            return;
        }
        var tokens = field.Tokens;
        int i = 0;
        while (i < tokens.Length)
        {
            if (IsHead(field, i) && TryMatchAround(field, i, out var first, out var last))
            {
                field.Add(new SpanMatch(first, last, OrganisationNameNormaliser.Normalise(field.TextOf(first, last).ToString())));
                i = last + 1;
                continue;
            }
            i++;
        }
    }

    private static bool IsHead(TokenizedField field, int i) =>
        !field.Covered[i] && field.Tokens[i].Capitalised && OrganisationWordLists.HeadWords.Contains(field.Tokens[i].Key);

    private static bool TryMatchAround(TokenizedField field, int head, out int first, out int last)
    {
        var tokens = field.Tokens;
        first = ExtendLeft(field, head);
        last = ExtendRight(field, head);
        // Trim leading words that open sentences ("The", "In", "Monday") or titles ("Mr").
        while (first < head && (IsNotNameStart(tokens[first]) || OrganisationWordLists.Connectors.Contains(tokens[first].Key)))
        {
            first++;
        }
        int contentWords = 0, nonHeadWords = 0;
        for (int k = first; k <= last; k++)
        {
            if (OrganisationWordLists.Connectors.Contains(tokens[k].Key))
            {
                continue;
            }
            contentWords++;
            if (!OrganisationWordLists.HeadWords.Contains(tokens[k].Key))
            {
                nonHeadWords++;
            }
        }
        if (nonHeadWords == 0 || last - first + 1 > MaxWords)
        {
            return false;
        }
        // "Security", "Post", "Union" are also plain words: "Internet Security" is a product, "Soviet Union" a place.
        if (last == head && OrganisationWordLists.WeakHeadWords.Contains(tokens[head].Key) && contentWords < 3 && head - first < 2)
        {
            return false;
        }
        // A single capitalised word opening a sentence before a head is often not part of a name ("Police", "Group").
        if (first == head - 1 && last == head && tokens[first].SentenceStart && OrganisationWordLists.HeadWords.Contains(tokens[head].Key)
            && tokens[first].Key.Length <= 3 && !tokens[first].AllCaps)
        {
            return false;
        }
        var joined = string.Join(' ', tokens[first..(last + 1)].Select(t => t.Key));
        return !PlaceNames.IsPlace(joined);
    }

    private static bool IsNotNameStart(WordToken token) =>
        OrganisationWordLists.NotNameStart.Contains(token.Key) || OrganisationWordLists.PersonTitles.Contains(token.Key);

    private static int ExtendLeft(TokenizedField field, int head)
    {
        var tokens = field.Tokens;
        int first = head;
        for (int k = head - 1; k >= 0 && head - k < MaxWords; k--)
        {
            var next = tokens[k + 1];
            if (next.Gap is not (TokenGap.Space or TokenGap.Joiner) || field.Covered[k])
            {
                break;
            }
            var token = tokens[k];
            if (IsNameWord(token) && !IsNotNameStart(token))
            {
                first = k;
                if (token.SentenceStart)
                {
                    break;
                }
                continue;
            }
            // "Bank of America Corp", "Johnson & Johnson": a connector inside the name, between capitalised words.
            if (token.Gap == TokenGap.Space && k > 0 && !field.Covered[k - 1] && IsNameWord(tokens[k - 1])
                && (token.Key == "&" || (token.Key is "of" or "for" && OrganisationWordLists.HeadWords.Contains(tokens[k - 1].Key))))
            {
                continue;
            }
            break;
        }
        return first;
    }

    private static int ExtendRight(TokenizedField field, int head)
    {
        var tokens = field.Tokens;
        int last = head;
        int k = head + 1;
        bool inOfPhrase = false;
        while (k < tokens.Length && k - head < MaxWords && !field.Covered[k] && tokens[k].Gap is TokenGap.Space or TokenGap.Joiner)
        {
            var token = tokens[k];
            if (IsNameWord(token) && (inOfPhrase || OrganisationWordLists.HeadWords.Contains(token.Key) || token.AllCaps && token.Length <= 3 && k == last + 1 && IsCompanySuffix(tokens[last])))
            {
                last = k;
                k++;
                continue;
            }
            bool opensPhrase = token.Key is "of" or "for" or "de" or "on" or "du" or "des" or "der" or "für";
            bool continuesPhrase = inOfPhrase && token.Key is "and" or "&";
            if ((opensPhrase || continuesPhrase) && k + 1 < tokens.Length && tokens[k + 1].Gap == TokenGap.Space)
            {
                int nextWord = k + 1;
                if (tokens[nextWord].Key == "the" && nextWord + 1 < tokens.Length)
                {
                    nextWord++;
                }
                if (!field.Covered[nextWord] && IsNameWord(tokens[nextWord]) && !tokens[nextWord].SentenceStart)
                {
                    inOfPhrase = true;
                    last = nextWord;
                    k = nextWord + 1;
                    continue;
                }
            }
            break;
        }
        return last;
    }

    private static bool IsCompanySuffix(WordToken token) => token.Key is "co" or "corp" or "inc" or "ltd" or "plc" or "group";

    private static bool IsNameWord(WordToken token) =>
        token.Capitalised || (token.Key.Length > 0 && char.IsDigit(token.Key[0]) && token.Key.Length <= 4);
}
