namespace Search.Cli.Arguments;

/// <summary>How a command-line option takes its value.</summary>
internal enum OptionKind
{
    /// <summary>A switch without a value (<c>--json</c>).</summary>
    Flag,
    /// <summary>One value; giving the option twice is an error (<c>--page-size 20</c>).</summary>
    Single,
    /// <summary>Any number of values, one per occurrence (<c>--source A --source B</c>).</summary>
    Repeated,
}
