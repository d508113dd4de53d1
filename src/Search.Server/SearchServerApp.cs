using Microsoft.AspNetCore.Server.Kestrel.Core;
using Search.Core;
using Search.Server.Hosting;
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
        // appsettings.json ships next to the binary; relative index and sample paths are resolved against the
        // working directory (the repository root in the README's commands).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddCommandLine(args, SwitchMappings);

        var limits = builder.Configuration.GetSection(SearchIndexOptions.SectionName + ":Limits").Get<SearchLimits>() ?? new SearchLimits();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // gRPC without TLS needs HTTP/2 only: with Http1AndHttp2 a plain-text client gets a protocol error.
            kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2);
            kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBytes;
        });

        builder.Services.AddSearchCore(builder.Configuration, Directory.GetCurrentDirectory());
        builder.Services.AddSingleton<ErrorMappingInterceptor>();
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

        var app = builder.Build();
        app.MapGrpcService<SearchGrpcService>();
        app.MapGrpcService<IndexGrpcService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }
}
