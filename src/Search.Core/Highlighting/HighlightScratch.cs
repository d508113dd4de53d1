using System.Text;

namespace Search.Core.Highlighting;

/// <summary>Per-thread working buffers, so highlighting a hit allocates little beyond its result.</summary>
internal sealed class HighlightScratch
{
    [ThreadStatic]
    private static HighlightScratch? current;

    public static HighlightScratch Current => current ??= new HighlightScratch();

    public PostingsMatchCollector Collector { get; } = new();

    public List<MatchSpan> Matches { get; } = [];

    /// <summary>Matches merged where they overlap: what gets tagged.</summary>
    public List<TextSpan> Merged { get; } = [];

    public List<TextSpan> Passages { get; } = [];

    public List<(float Score, int Index)> Scored { get; } = [];

    public StringBuilder Builder { get; } = new(512);

    public int[] KeyFrequencies { get; private set; } = new int[16];

    public float[] KeyWeights { get; private set; } = new float[16];

    public void EnsureKeys(int count)
    {
        if (KeyFrequencies.Length < count)
        {
            KeyFrequencies = new int[count];
            KeyWeights = new float[count];
        }
    }
}
