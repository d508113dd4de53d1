using System.Text;

namespace Search.Cli.Rendering;

/// <summary>
/// Makes article text safe to print: control characters (an ESC in a feed could restyle or rewrite the terminal)
/// become spaces.
/// </summary>
internal static class TerminalText
{
    /// <summary>Text on one line: line breaks and other control characters become spaces.</summary>
    public static string SingleLine(string text) => Clean(text, keepNewlines: false);

    /// <summary>Text keeping its line breaks; other control characters become spaces.</summary>
    public static string MultiLine(string text) => Clean(text, keepNewlines: true);

    private static string Clean(string text, bool keepNewlines)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }
        var output = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            output.Append(c switch
            {
                '\n' when keepNewlines => '\n',
                '\r' when keepNewlines => '\0',
                _ when char.IsControl(c) => ' ',
                _ => c,
            });
        }
        return output.Replace("\0", "").ToString();
    }
}
