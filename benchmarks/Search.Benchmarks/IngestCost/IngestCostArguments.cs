using System.Globalization;

namespace Search.Benchmarks.IngestCost;

/// <summary>
/// Options of <c>ingest-cost</c>: <c>--articles FILE.jsonl</c> (default: the repository samples repeated),
/// <c>--rounds N</c> (timed rounds per variant), <c>--batch-size N</c>, <c>--workdir DIR</c> (indexes; default a
/// fresh temporary folder, removed afterwards).
/// </summary>
internal sealed record IngestCostArguments(string? Articles, int Rounds, int BatchSize, string? WorkDir)
{
    public static IngestCostArguments Parse(IReadOnlyList<string> args)
    {
        var result = new IngestCostArguments(null, 5, 500, null);
        for (int i = 0; i < args.Count; i++)
        {
            string value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            result = args[i] switch
            {
                "--articles" => result with { Articles = value },
                "--rounds" => result with { Rounds = Positive(args[i], value) },
                "--batch-size" => result with { BatchSize = Positive(args[i], value) },
                "--workdir" => result with { WorkDir = value },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Options: --articles FILE.jsonl --rounds N --batch-size N --workdir DIR."),
            };
            i++;
        }
        return result;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive whole number, not '{value}'.");
}
