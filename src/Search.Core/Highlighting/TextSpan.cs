namespace Search.Core.Highlighting;

/// <summary>A range of the original field text in UTF-16 code units, end exclusive.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
}
