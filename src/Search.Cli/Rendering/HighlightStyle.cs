namespace Search.Cli.Rendering;

/// <summary>How highlighted matches are shown.</summary>
internal enum HighlightStyle
{
    /// <summary>ANSI bold, for a terminal.</summary>
    Ansi,
    /// <summary>Matches in [brackets], for a terminal with NO_COLOR set.</summary>
    Brackets,
    /// <summary>No marking, for output redirected to a file or another program.</summary>
    Plain,
}
