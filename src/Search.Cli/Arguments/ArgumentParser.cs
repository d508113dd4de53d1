namespace Search.Cli.Arguments;

/// <summary>
/// Parses <c>search [global options] COMMAND [arguments]</c>. Hand-written rather than System.CommandLine: the
/// grammar is small (valued, repeated and flag options, positionals), and staying dependency-free keeps the usage
/// and error messages exactly as documented.
/// </summary>
/// <remarks>
/// Options take their value as the next argument or after <c>=</c>. A single dash does not start an option, so a
/// query such as <c>-draft</c> (NOT draft) is taken as a positional; <c>--</c> ends the options.
/// </remarks>
internal static class ArgumentParser
{
    public static ParsedCommand Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        var globals = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        int position = 0;
        bool help = false;

        // Global options and --help may come before the command name.
        while (position < args.Count && (args[position].StartsWith("--", StringComparison.Ordinal) || args[position] == "-h"))
        {
            string arg = args[position++];
            if (IsHelp(arg))
            {
                help = true;
                continue;
            }
            var (name, inlineValue) = Split(arg);
            if (!CommandCatalog.GlobalOptions.ContainsKey(name))
            {
                throw new UsageException($"unknown option '{name}'; options before the command are --server and --api-key");
            }
            AddValue(globals, name, OptionKind.Single, inlineValue ?? TakeValue(args, ref position, name, null), null);
        }

        if (position >= args.Count)
        {
            if (help)
            {
                return new ParsedCommand { Name = CommandCatalog.Help, Global = Globals(globals, environment) };
            }
            throw new UsageException("no command given");
        }

        string command = args[position++];
        if (!CommandCatalog.IsKnown(command))
        {
            throw new UsageException($"unknown command '{command}'");
        }
        if (command == CommandCatalog.Serve)
        {
            // Everything after serve belongs to the server's own configuration (--urls, --index-path, ...).
            return new ParsedCommand { Name = command, Global = Globals(globals, environment), Positionals = args.Skip(position).ToList(), HelpRequested = help };
        }
        if (command == CommandCatalog.Help)
        {
            return new ParsedCommand { Name = command, Global = Globals(globals, environment), Positionals = args.Skip(position).ToList() };
        }
        return ParseCommand(CommandCatalog.Commands[command], args, position, globals, help, environment);
    }

    private static ParsedCommand ParseCommand(
        CommandSpec spec, IReadOnlyList<string> args, int position, Dictionary<string, List<string>> globals, bool help,
        Func<string, string?> environment)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var positionals = new List<string>();
        bool optionsEnded = false;
        while (position < args.Count)
        {
            string arg = args[position++];
            if (optionsEnded || !arg.StartsWith("--", StringComparison.Ordinal) && arg != "-h")
            {
                positionals.Add(arg);
                continue;
            }
            if (arg == "--")
            {
                optionsEnded = true;
                continue;
            }
            if (IsHelp(arg))
            {
                help = true;
                continue;
            }
            var (name, inlineValue) = Split(arg);
            if (CommandCatalog.GlobalOptions.ContainsKey(name))
            {
                AddValue(globals, name, OptionKind.Single, inlineValue ?? TakeValue(args, ref position, name, spec.Name), spec.Name);
                continue;
            }
            if (!spec.Options.TryGetValue(name, out OptionKind kind))
            {
                throw new UsageException($"unknown option '{name}' for '{spec.Name}'", spec.Name);
            }
            if (kind == OptionKind.Flag)
            {
                if (inlineValue is not null)
                {
                    throw new UsageException($"option '{name}' takes no value", spec.Name);
                }
                flags.Add(name);
                continue;
            }
            AddValue(values, name, kind, inlineValue ?? TakeValue(args, ref position, name, spec.Name), spec.Name);
        }

        if (!help)
        {
            CheckPositionals(spec, positionals);
        }
        return new ParsedCommand
        {
            Name = spec.Name,
            Global = Globals(globals, environment),
            Positionals = positionals,
            Values = values.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value, StringComparer.Ordinal),
            Flags = flags,
            HelpRequested = help,
        };
    }

    private static void CheckPositionals(CommandSpec spec, List<string> positionals)
    {
        if (positionals.Count < spec.MinPositionals)
        {
            throw new UsageException($"'{spec.Name}' needs at least one {spec.PositionalName}", spec.Name);
        }
        if (positionals.Count > spec.MaxPositionals)
        {
            string extra = positionals[spec.MaxPositionals];
            throw new UsageException(spec.MaxPositionals == 0
                ? $"'{spec.Name}' takes no arguments, got '{extra}'"
                : $"unexpected argument '{extra}': '{spec.Name}' takes one {spec.PositionalName} (quote it if it has spaces)", spec.Name);
        }
    }

    private static GlobalOptions Globals(Dictionary<string, List<string>> globals, Func<string, string?> environment)
    {
        string server = Last(globals, "--server") ?? NonEmpty(environment(GlobalOptions.ServerVariable)) ?? GlobalOptions.DefaultServerUrl;
        if (!Uri.TryCreate(server, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"the server address '{server}' is not an http:// or https:// URL");
        }
        string? apiKey = Last(globals, "--api-key") ?? NonEmpty(environment(GlobalOptions.ApiKeyVariable));
        return new GlobalOptions(server, apiKey);
    }

    private static string? Last(Dictionary<string, List<string>> values, string name) =>
        values.TryGetValue(name, out var list) ? list[^1] : null;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static bool IsHelp(string arg) => arg is "--help" or "-h";

    private static (string Name, string? InlineValue) Split(string arg)
    {
        int equals = arg.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (arg, null) : (arg[..equals], arg[(equals + 1)..]);
    }

    private static string TakeValue(IReadOnlyList<string> args, ref int position, string name, string? command)
    {
        if (position >= args.Count)
        {
            throw new UsageException($"option '{name}' needs a value", command);
        }
        return args[position++];
    }

    private static void AddValue(Dictionary<string, List<string>> values, string name, OptionKind kind, string value, string? command)
    {
        if (!values.TryGetValue(name, out var list))
        {
            values[name] = list = [];
        }
        else if (kind == OptionKind.Single && name is not ("--server" or "--api-key"))
        {
            throw new UsageException($"option '{name}' may be given only once", command);
        }
        list.Add(value);
    }
}
