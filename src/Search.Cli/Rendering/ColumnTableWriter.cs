namespace Search.Cli.Rendering;

/// <summary>Writes a table with a header row and aligned columns; columns whose cells are all numbers are right-aligned.</summary>
internal static class ColumnTableWriter
{
    public static void Write(TextWriter output, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        int columns = headers.Count;
        var widths = new int[columns];
        var numeric = new bool[columns];
        for (int c = 0; c < columns; c++)
        {
            widths[c] = Math.Max(headers[c].Length, rows.Count == 0 ? 0 : rows.Max(row => row[c].Length));
            numeric[c] = rows.Count > 0 && rows.All(row => IsNumber(row[c]));
        }
        WriteRow(output, headers, widths, numeric);
        foreach (IReadOnlyList<string> row in rows)
        {
            WriteRow(output, row, widths, numeric);
        }
    }

    private static void WriteRow(TextWriter output, IReadOnlyList<string> cells, int[] widths, bool[] numeric)
    {
        var padded = cells.Select((cell, c) => numeric[c] ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
        output.WriteLine(string.Join("  ", padded).TrimEnd());
    }

    private static bool IsNumber(string cell) => cell.Length > 0 && cell.All(c => char.IsDigit(c) || c is ',' or '/' or ' ');
}
