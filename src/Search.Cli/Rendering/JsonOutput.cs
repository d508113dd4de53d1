using Google.Protobuf;

namespace Search.Cli.Rendering;

/// <summary>Prints a response as the protobuf JSON mapping, indented for reading and for tools such as jq.</summary>
internal static class JsonOutput
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithIndentation());

    public static void Write(TextWriter output, IMessage message) => output.WriteLine(Formatter.Format(message));
}
