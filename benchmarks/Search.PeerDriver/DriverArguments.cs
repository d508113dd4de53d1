using System.Globalization;

namespace Search.PeerDriver;

/// <summary>
/// Command-line options in the peers harness's form (<c>--name value</c> or a bare <c>--flag</c>), so that the
/// harness can run this driver exactly like its own drivers.
/// </summary>
internal sealed class DriverArguments
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    private DriverArguments()
    {
    }

    public static DriverArguments Parse(IEnumerable<string> args)
    {
        var parsed = new DriverArguments();
        string? pendingName = null;
        foreach (string arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pendingName is not null)
                {
                    parsed.values[pendingName] = "true";
                }
                pendingName = arg[2..];
                continue;
            }
            if (pendingName is null)
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.");
            }
            parsed.values[pendingName] = arg;
            pendingName = null;
        }
        if (pendingName is not null)
        {
            parsed.values[pendingName] = "true";
        }
        return parsed;
    }

    public string Required(string name) =>
        values.TryGetValue(name, out string? value) ? value : throw new ArgumentException($"--{name} is required.");

    public string Optional(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public int Int(string name, int fallback) =>
        values.TryGetValue(name, out string? value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) =>
        values.TryGetValue(name, out string? value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => values.ContainsKey(name);

    public IReadOnlyList<string> List(string name, string fallback) =>
        Optional(name, fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
