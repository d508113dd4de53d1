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
            // Most words are lower case or no head word: ruled out by their flags and one bit test.
            if (!tokens[i].Capitalised || !OrganisationWordLists.HeadWordFilter.MayContain(tokens[i].KeyHash))
            {
                i++;
                continue;
            }
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
        !field.Covered[i] && field.Tokens[i].Capitalised && OrganisationWordLists.HeadWords.Contains(field.Key(i));

    private static bool TryMatchAround(TokenizedField field, int head, out int first, out int last)
    {
        var tokens = field.Tokens;
        first = ExtendLeft(field, head);
        last = ExtendRight(field, head);
        // Trim leading words that open sentences ("The", "In", "Monday") or titles ("Mr").
        while (first < head && (IsNotNameStart(field.Key(first)) || OrganisationWordLists.Connectors.Contains(field.Key(first))))
        {
            first++;
        }
        // "Japanese Agriculture Ministry": the nationality describes a government body, it is not its name.
        if (first < head && OrganisationWordLists.GovernmentHeads.Contains(field.Key(head)) && OrganisationWordLists.Nationalities.Contains(field.Key(first)))
        {
            first++;
        }
        int contentWords = 0, nonHeadWords = 0;
        for (int k = first; k <= last; k++)
        {
            if (OrganisationWordLists.Connectors.Contains(field.Key(k)))
            {
                continue;
            }
            contentWords++;
            if (!OrganisationWordLists.HeadWords.Contains(field.Key(k)))
            {
                nonHeadWords++;
            }
        }
        // Only head words ("Group", "Police Unit") name nothing, except before a legal suffix ("Hospital Corp").
        bool legalName = contentWords >= 2 && OrganisationWordLists.LegalSuffixes.Contains(field.Key(last));
        if ((nonHeadWords == 0 && !legalName) || last - first + 1 > MaxWords)
        {
            return false;
        }
        // "Security", "Post", "Union" are also plain words: "Internet Security" is a product, "Soviet Union" a place.
        if (last == head && OrganisationWordLists.WeakHeadWords.Contains(field.Key(head)) && contentWords < 3)
        {
            return false;
        }
        return !PlaceNames.IsPlace(field, first, last);
    }

    private static bool IsNotNameStart(ReadOnlySpan<char> key) =>
        OrganisationWordLists.NotNameStart.Contains(key) || OrganisationWordLists.PersonTitles.Contains(key);

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
            if (IsNameWord(field, k))
            {
                first = k;
                continue;
            }
            // "Bank of America Corp", "Johnson & Johnson": a connector inside the name, between capitalised words.
            if (tokens[k + 1].Gap == TokenGap.Space && k > 0 && !field.Covered[k - 1] && IsNameWord(field, k - 1)
                && (field.KeyIs(k, "&") || ((field.KeyIs(k, "of") || field.KeyIs(k, "for")) && OrganisationWordLists.HeadWords.Contains(field.Key(k - 1)))))
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
            if (IsNameWord(field, k) && (inOfPhrase || OrganisationWordLists.HeadWords.Contains(field.Key(k))))
            {
                last = k;
                k++;
                continue;
            }
            // "Algemene Bank Nederland NV": up to two more name words when a legal suffix closes them.
            int suffix = LegalSuffixWithin(field, k, 3);
            if (IsNameWord(field, k) && suffix > 0)
            {
                last = suffix;
                k = suffix + 1;
                continue;
            }
            // After a legal suffix "of" starts a location, not more name: "Biopool AB of Sweden".
            var key = field.Key(k);
            bool opensPhrase = key is "of" or "for" or "de" or "on" or "du" or "des" or "der" or "für"
                && !OrganisationWordLists.LegalSuffixes.Contains(field.Key(last));
            // "Ministry of Trade and Industry" but not "Bank of America and JPMorgan Chase".
            bool continuesPhrase = inOfPhrase && key is "and" or "&" && SingleNameWordFollows(field, k + 1);
            if ((opensPhrase || continuesPhrase) && k + 1 < tokens.Length && tokens[k + 1].Gap == TokenGap.Space)
            {
                int nextWord = k + 1;
                if (field.KeyIs(nextWord, "the") && nextWord + 1 < tokens.Length)
                {
                    nextWord++;
                }
                if (!field.Covered[nextWord] && IsNameWord(field, nextWord) && !tokens[nextWord].SentenceStart)
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
            if (field.Covered[k] || !IsNameWord(field, k) || (k > from && tokens[k].Gap is not (TokenGap.Space or TokenGap.Joiner)))
            {
                return -1;
            }
            if (OrganisationWordLists.LegalSuffixes.Contains(field.Key(k)))
            {
                return k;
            }
        }
        return -1;
    }

    private static bool SingleNameWordFollows(TokenizedField field, int index)
    {
        var tokens = field.Tokens;
        if (index >= tokens.Length || !IsNameWord(field, index))
        {
            return false;
        }
        int next = index + 1;
        while (next < tokens.Length && tokens[next].Gap == TokenGap.Joiner)
        {
            next++;
        }
        return next >= tokens.Length || tokens[next].Gap != TokenGap.Space || !IsNameWord(field, next);
    }

    private static bool IsNameWord(TokenizedField field, int index)
    {
        if (field.Tokens[index].Capitalised)
        {
            return true;
        }
        var key = field.Key(index);
        return key.Length > 0 && char.IsDigit(key[0]) && key.Length <= 4;
    }
}
