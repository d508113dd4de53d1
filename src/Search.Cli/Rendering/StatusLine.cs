namespace Search.Cli.Rendering;

/// <summary>
/// One status line on stderr: on a terminal it is redrawn in place with <c>\r</c>; when stderr is redirected,
/// redrawing would fill a log with carriage returns, so each update is a plain line instead.
/// </summary>
internal sealed class StatusLine(TextWriter output, bool interactive)
{
    private int lastLength;

    public bool Interactive => interactive;

    public void Show(string line)
    {
        if (interactive)
        {
            // Pad over the previous, possibly longer, line.
            output.Write("\r" + line.PadRight(lastLength));
            lastLength = line.Length;
        }
        else
        {
            output.WriteLine(line);
        }
        output.Flush();
    }

    /// <summary>Clears the redrawn line so what follows starts on a clean line.</summary>
    public void Clear()
    {
        if (interactive && lastLength > 0)
        {
            output.Write("\r" + new string(' ', lastLength) + "\r");
            output.Flush();
            lastLength = 0;
        }
    }
}
