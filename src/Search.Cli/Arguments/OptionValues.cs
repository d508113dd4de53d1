using System.Globalization;

namespace Search.Cli.Arguments;

/// <summary>Converts option values, with usage errors that name the option.</summary>
internal static class OptionValues
{
    public static int? Integer(ParsedCommand command, string option, int min, int max)
    {
        string? text = command.Value(option);
        if (text is null)
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            throw new UsageException($"option '{option}' needs a whole number from {min} to {max}, got '{text}'", command.Name);
        }
        return value;
    }

    /// <summary>
    /// The index generation to wait for (read-your-writes), as printed by ingest and delete; 0 when not given.
    /// </summary>
    public static long MinGeneration(ParsedCommand command)
    {
        string? text = command.Value("--min-generation");
        if (text is null)
        {
            return 0;
        }
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
        {
            throw new UsageException($"option '--min-generation' needs a generation number, got '{text}'", command.Name);
        }
        return value;
    }

    /// <summary>
    /// A date (<c>2018-04-27</c>) or date-time; without an offset it is UTC. A bare date as an upper bound means
    /// the end of that day, so <c>--to 2018-04-30</c> includes articles published on the 30th.
    /// </summary>
    public static DateTimeOffset? Date(ParsedCommand command, string option, bool endOfDay)
    {
        string? text = command.Value(option);
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1).AddTicks(-1) : start;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset value))
        {
            return value;
        }
        throw new UsageException($"option '{option}' needs a date such as 2018-04-27 or 2018-04-27T10:00:00Z, got '{text}'", command.Name);
    }

    /// <summary>Comma-separated lists, possibly repeated (<c>--facets source,tag --facets author</c>).</summary>
    public static IReadOnlyList<string> List(ParsedCommand command, string option) =>
        command.All(option)
            .SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
}
