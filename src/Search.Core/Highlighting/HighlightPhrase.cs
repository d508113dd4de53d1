namespace Search.Core.Highlighting;

/// <summary>
/// A phrase to find in a hit: slot i holds the alternative terms expected at relative position
/// <c>Positions[i]</c> (the phrase query's own positions, so gaps left by stop words are kept).
/// </summary>
internal sealed class HighlightPhrase(int[] positions, HighlightTerm[][] slots, int slop, float weight, int key)
{
    public int[] Positions { get; } = positions;

    public HighlightTerm[][] Slots { get; } = slots;

    public int Slop { get; } = slop;

    public float Weight { get; } = weight;

    public int Key { get; } = key;
}
