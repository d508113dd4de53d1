namespace Search.Cli.Tests;

/// <summary>A console whose output is captured, redirected (no ANSI, no redrawn progress) and without environment.</summary>
internal sealed record TestConsole(CliConsole Console, StringWriter Out, StringWriter Error)
{
    public static TestConsole Create()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        return new TestConsole(new CliConsole { Out = output, Error = error }, output, error);
    }
}
