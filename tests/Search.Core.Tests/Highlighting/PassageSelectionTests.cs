using System.Text;
using Search.Core.Highlighting;
using Search.Core.Schema;

namespace Search.Core.Tests.Highlighting;

public sealed class PassageSelectionTests : IDisposable
{
    private static readonly string LongBody = BuildLongBody();

    private static readonly string EmojiBody = "machine " + string.Concat(Enumerable.Repeat("\U0001F600", 300)) + " machine";

    private readonly HighlightTestIndex index = new(("Long read", LongBody), ("Emoji", EmojiBody));

    [Fact]
    public void Fragments_are_at_most_max_and_about_the_fragment_size()
    {
        FieldHighlightResult result = index.Highlight("machine learning", 0, ArticleFields.Body);

        Assert.Equal(3, result.Fragments.Count);
        Assert.All(result.Fragments, f =>
        {
            Assert.InRange(f.End - f.Start, 40, 160 + 160 / 4);
            Assert.NotEmpty(f.Matches);
            FragmentAssert.Consistent(LongBody, f);
        });
    }

    [Fact]
    public void Best_passage_comes_first()
    {
        FieldHighlightResult result = index.Highlight("machine learning quantum", 0, ArticleFields.Body);

        // Only one sentence holds all three words; it must lead even though it sits late in the text.
        HighlightFragment best = result.Fragments[0];
        Assert.Contains("<em>Quantum</em>", best.Text, StringComparison.Ordinal);
        Assert.Contains("<em>machine</em>", best.Text, StringComparison.Ordinal);
        Assert.Contains("<em>learning</em>", best.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Passages_end_at_sentence_or_word_boundaries()
    {
        FieldHighlightResult result = index.Highlight("machine", 0, ArticleFields.Body, new HighlightSettings(FragmentSize: 60, MaxFragments: 10));

        // "machine" occurs in seven sentences, so seven of the ten allowed passages can match.
        Assert.Equal(7, result.Fragments.Count);
        Assert.All(result.Fragments, f =>
        {
            Assert.False(char.IsWhiteSpace(LongBody[f.Start]));
            Assert.True(f.Start == 0 || char.IsWhiteSpace(LongBody[f.Start - 1]), "starts mid-word");
            Assert.True(f.End == LongBody.Length || char.IsWhiteSpace(LongBody[f.End]), "ends mid-word");
        });
    }

    [Fact]
    public void Hard_cuts_never_split_surrogate_pairs()
    {
        var settings = new HighlightSettings(FragmentSize: 25, MaxFragments: 50);

        FieldHighlightResult result = index.Highlight("machine", 1, ArticleFields.Body, settings);
        FieldHighlightResult leading = index.Highlight("nomatch", 1, ArticleFields.Body, settings with { FallbackToLeadingPassage = true });

        Assert.Equal(2, result.Fragments.Count);
        Assert.All(result.Fragments.Concat(leading.Fragments), f =>
        {
            Assert.False(char.IsLowSurrogate(EmojiBody[f.Start]));
            Assert.True(f.End == EmojiBody.Length || !char.IsLowSurrogate(EmojiBody[f.End]));
            FragmentAssert.Consistent(EmojiBody, f);
        });
    }

    private static string BuildLongBody()
    {
        var body = new StringBuilder();
        string[] filler =
        [
            "The committee met on Tuesday to discuss the budget for the coming year.",
            "A machine in the basement broke down again, said the caretaker.",
            "Nobody expected the weather to turn so quickly.",
            "Learning to cook takes patience and a good knife.",
            "Shares closed higher after a quiet session.",
        ];
        for (int i = 0; i < 6; i++)
        {
            foreach (string sentence in filler)
            {
                body.Append(sentence).Append(' ');
            }

            if (i == 4)
            {
                body.Append("Quantum machine learning is the new frontier. ");
            }
        }

        return body.ToString().TrimEnd();
    }

    public void Dispose() => index.Dispose();
}
