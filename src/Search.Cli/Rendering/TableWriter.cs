namespace Search.Cli.Rendering;

/// <summary>Writes rows of label and value as aligned columns; numbers are right-aligned.</summary>
internal static class TableWriter
{
    public static void Write(TextWriter output, IReadOnlyList<(string Label, string Value)> rows, string indent = "")
    {
        if (rows.Count == 0)
        {
            return;
        }
        int labelWidth = rows.Max(row => row.Label.Length);
        int valueWidth = rows.Max(row => row.Value.Length);
        foreach (var (label, value) in rows)
        {
            bool numeric = value.Length > 0 && value.All(c => char.IsDigit(c) || c == ',');
            string cell = numeric ? value.PadLeft(valueWidth) : value;
            output.WriteLine($"{indent}{label.PadRight(labelWidth)}  {cell}".TrimEnd());
        }
    }
}
