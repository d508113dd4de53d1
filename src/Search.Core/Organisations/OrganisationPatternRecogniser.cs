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
                // A known name at the front becomes part of a longer one: "Citicorp Investment Bank Ltd".
                if (field.Covered[first])
                {
                    field.RemoveMatchEndingAt(OwnEnd(field, first));
                }
                field.Add(new SpanMatch(first, last, OrganisationNameNormaliser.Normalise(field.TextOf(first, last).ToString())));
                i = last + 1;
                continue;
            }
            i++;
        }
    }

    private static int OwnEnd(TokenizedField field, int token)
    {
        foreach (var match in field.Matches)
        {
            if (match.First <= token && token <= match.Last)
            {
                return match.Last;
            }
        }
        return token;
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
        // "Japanese Agriculture Ministry": the nationality describes a government body, it is not its name.
        if (first < head && OrganisationWordLists.GovernmentHeads.Contains(tokens[head].Key) && OrganisationWordLists.Nationalities.Contains(tokens[first].Key))
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
        // Only head words ("Group", "Police Unit") name nothing, except before a legal suffix ("Hospital Corp").
        bool legalName = contentWords >= 2 && OrganisationWordLists.LegalSuffixes.Contains(tokens[last].Key);
        if ((nonHeadWords == 0 && !legalName) || last - first + 1 > MaxWords)
        {
            return false;
        }
        // "Security", "Post", "Union" are also plain words: "Internet Security" is a product, "Soviet Union" a place.
        if (last == head && OrganisationWordLists.WeakHeadWords.Contains(tokens[head].Key) && contentWords < 3)
        {
            return false;
        }
        return !PlaceNames.IsPlace(tokens[first..(last + 1)]);
    }

    private static bool IsNotNameStart(WordToken token) =>
        OrganisationWordLists.NotNameStart.Contains(token.Key) || OrganisationWordLists.PersonTitles.Contains(token.Key);

    private static int ExtendLeft(TokenizedField field, int head)
    {
        var tokens = field.Tokens;
        int first = head;
        for (int k = head - 1; k >= 0 && head - k < MaxWords; k--)
        {
            if (tokens[k + 1].Gap is not (TokenGap.Space or TokenGap.Joiner or TokenGap.Possessive) || tokens[first].SentenceStart)
            {
                break;
            }
            var token = tokens[k];
            if (field.Covered[k])
            {
                // Absorb a known name just before ("Citicorp" in "Citicorp Investment Bank Ltd"), but not across "'s".
                if (tokens[k + 1].Gap != TokenGap.Possessive)
                {
                    int start = k;
                    while (start > 0 && field.Covered[start - 1] && OwnEnd(field, start - 1) == OwnEnd(field, k))
                    {
                        start--;
                    }
                    first = start;
                }
                break;
            }
            if (IsNameWord(token))
            {
                first = k;
                continue;
            }
            // "Bank of America Corp", "Johnson & Johnson": a connector inside the name, between capitalised words.
            if (tokens[k + 1].Gap == TokenGap.Space && k > 0 && !field.Covered[k - 1] && IsNameWord(tokens[k - 1])
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
            if (IsNameWord(token) && (inOfPhrase || OrganisationWordLists.HeadWords.Contains(token.Key)))
            {
                last = k;
                k++;
                continue;
            }
            // "Algemene Bank Nederland NV": up to two more name words when a legal suffix closes them.
            int suffix = LegalSuffixWithin(field, k, 3);
            if (IsNameWord(token) && suffix > 0)
            {
                last = suffix;
                k = suffix + 1;
                continue;
            }
            // After a legal suffix "of" starts a location, not more name: "Biopool AB of Sweden".
            bool opensPhrase = token.Key is "of" or "for" or "de" or "on" or "du" or "des" or "der" or "für"
                && !OrganisationWordLists.LegalSuffixes.Contains(tokens[last].Key);
            // "Ministry of Trade and Industry" but not "Bank of America and JPMorgan Chase".
            bool continuesPhrase = inOfPhrase && token.Key is "and" or "&" && SingleNameWordFollows(field, k + 1);
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

    private static int LegalSuffixWithin(TokenizedField field, int from, int maxWords)
    {
        var tokens = field.Tokens;
        for (int k = from; k < tokens.Length && k - from < maxWords; k++)
        {
            if (field.Covered[k] || !IsNameWord(tokens[k]) || (k > from && tokens[k].Gap is not (TokenGap.Space or TokenGap.Joiner)))
            {
                return -1;
            }
            if (OrganisationWordLists.LegalSuffixes.Contains(tokens[k].Key))
            {
                return k;
            }
        }
        return -1;
    }

    private static bool SingleNameWordFollows(TokenizedField field, int index)
    {
        var tokens = field.Tokens;
        if (index >= tokens.Length || !IsNameWord(tokens[index]))
        {
            return false;
        }
        int next = index + 1;
        while (next < tokens.Length && tokens[next].Gap == TokenGap.Joiner)
        {
            next++;
        }
        return next >= tokens.Length || tokens[next].Gap != TokenGap.Space || !IsNameWord(tokens[next]);
    }

    private static bool IsNameWord(WordToken token) =>
        token.Capitalised || (token.Key.Length > 0 && char.IsDigit(token.Key[0]) && token.Key.Length <= 4);
}
