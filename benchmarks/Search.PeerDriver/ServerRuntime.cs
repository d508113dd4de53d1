using System.Text.Json.Nodes;

namespace Search.PeerDriver;

/// <summary>
/// Says which garbage collector the server runs with, so a result's notes state it rather than assume it: the
/// ASP.NET Core SDK turns on the server GC in the runtime config, and a <c>DOTNET_gcServer</c> variable inherited
/// from the driver's environment overrides that.
/// </summary>
internal static class ServerRuntime
{
    public static string DescribeGc(string serverDll)
    {
        bool server = false, concurrent = true;
        string config = Path.ChangeExtension(serverDll, ".runtimeconfig.json");
        if (File.Exists(config) && JsonNode.Parse(File.ReadAllText(config))?["runtimeOptions"]?["configProperties"] is JsonObject properties)
        {
            server = properties["System.GC.Server"]?.GetValue<bool>() ?? server;
            concurrent = properties["System.GC.Concurrent"]?.GetValue<bool>() ?? concurrent;
        }
        server = Override("DOTNET_gcServer") ?? server;
        concurrent = Override("DOTNET_gcConcurrent") ?? concurrent;
        return $"{(server ? "server" : "workstation")} GC{(concurrent ? " (concurrent)" : " (non-concurrent)")}";
    }

    private static bool? Override(string variable) => Environment.GetEnvironmentVariable(variable) switch
    {
        "1" => true,
        "0" => false,
        _ => null,
    };
}
