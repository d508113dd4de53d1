using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Search.Server.Tests.Infrastructure;

namespace Search.Server.Tests;

/// <summary>The standard health and reflection services over real HTTP/2.</summary>
public sealed class HealthAndReflectionTests(SearchServerFixture fixture) : IClassFixture<SearchServerFixture>
{
    [Fact]
    public async Task HealthCheck_OverallService_IsServing()
    {
        var health = new Health.HealthClient(fixture.Channel);

        HealthCheckResponse response = await health.CheckAsync(new HealthCheckRequest { Service = "" });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Reflection_ListServices_IncludesSearchAndIndexServices()
    {
        var reflection = new ServerReflection.ServerReflectionClient(fixture.Channel);
        using var call = reflection.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Contains("search.v1.SearchService", names);
        Assert.Contains("search.v1.IndexService", names);
    }
}
