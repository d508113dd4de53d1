using Microsoft.AspNetCore.Server.Kestrel.Core;
using Search.Core;
using Search.Server.Hosting;
using Search.Server.Security;
using Search.Server.Services;

namespace Search.Server;

/// <summary>
/// Builds the service: configuration, the engine, the gRPC services, health and reflection. Used by
/// Program, by the CLI's <c>serve</c> and by tests that start the real server.
/// </summary>
public static class SearchServerApp
{
    /// <summary>Short command-line options mapped onto configuration keys.</summary>
    private static readonly Dictionary<string, string> SwitchMappings = new()
    {
        ["--index-path"] = "Search:IndexPath",
        ["--seed-path"] = "Search:SeedPath",
        ["--gazetteer"] = "Search:GazetteerPath",
    };

    public static WebApplication Build(string[] args)
    {
        // appsettings.json ships next to the binary; relative index and sample paths are resolved by PathBase.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddCommandLine(args, SwitchMappings);

        var limits = builder.Configuration.GetSection(SearchIndexOptions.SectionName + ":Limits").Get<SearchLimits>() ?? new SearchLimits();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // gRPC without TLS needs HTTP/2 only: with Http1AndHttp2 a plain-text client gets a protocol error.
            kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2);
            kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBytes;
        });

        builder.Services.AddSearchCore(builder.Configuration, PathBase());
        builder.Services.AddSingleton<ErrorMappingInterceptor>();
        builder.Services.AddSingleton<SearchAdmission>();
        builder.Services.AddSingleton<IndexLifetimeService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IndexLifetimeService>());
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = limits.MaxRequestBytes;
            grpc.MaxSendMessageSize = null;
            grpc.Interceptors.Add<ErrorMappingInterceptor>();
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddCheck<IndexHealthCheck>("index");
        builder.AddSearchAuthentication();

        var app = builder.Build();
        app.UseMiddleware<MessageSizeStatusMiddleware>();
        app.UseSearchAuthentication();
        app.MapGrpcService<SearchGrpcService>();
        app.MapGrpcService<IndexGrpcService>();
        app.MapGrpcService<ReindexGrpcService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }

    /// <summary>
    /// Where relative paths (index-data, samples) are resolved: the repository root when the server runs inside a
    /// clone (dotnet run starts it in the project folder), otherwise the working directory.
    /// </summary>
    public static string PathBase()
    {
        string start = Directory.GetCurrentDirectory();
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Search.sln")))
            {
                return dir.FullName;
            }
        }
        return start;
    }
}
