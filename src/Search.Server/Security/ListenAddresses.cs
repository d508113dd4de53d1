using System.Net;

namespace Search.Server.Security;

/// <summary>
/// Works out from configuration which addresses Kestrel will listen on, the way Kestrel itself chooses:
/// <c>Kestrel:Endpoints</c> win over <c>urls</c>, which win over <c>http_ports</c>/<c>https_ports</c>; with none
/// of these Kestrel listens on localhost. Read before the server starts, so an unsafe setup never binds.
/// </summary>
internal static class ListenAddresses
{
    public static IReadOnlyList<string> FromConfiguration(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(endpoint => endpoint["Url"])
            .OfType<string>()
            .ToList();
        if (endpoints.Count > 0)
        {
            return endpoints;
        }

        string? urls = configuration["urls"];
        if (!string.IsNullOrWhiteSpace(urls))
        {
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        // Container images set ASPNETCORE_HTTP_PORTS, which binds every interface.
        var ports = new[] { ("http", configuration["http_ports"]), ("https", configuration["https_ports"]) }
            .SelectMany(p => (p.Item2 ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(port => $"{p.Item1}://*:{port}"))
            .ToList();
        return ports.Count > 0 ? ports : ["http://localhost:5000"];
    }

    /// <summary>
    /// True for 127.0.0.0/8, ::1, localhost and Unix sockets: addresses only this machine can reach.
    /// Wildcards (*, +, 0.0.0.0, ::) and anything unparsable count as reachable from elsewhere.
    /// </summary>
    public static bool IsLoopback(string url)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return false;
        }
        if (address.IsUnixPipe)
        {
            return true;
        }
        string host = address.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
