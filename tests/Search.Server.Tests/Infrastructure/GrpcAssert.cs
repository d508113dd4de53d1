using Grpc.Core;

namespace Search.Server.Tests.Infrastructure;

/// <summary>Assertions on gRPC failures: the status code and the words the message must contain.</summary>
public static class GrpcAssert
{
    public static async Task<RpcException> FailsAsync(StatusCode expected, Func<Task> call, params string[] messageContains)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(expected == ex.StatusCode, $"Expected {expected} but got {ex.StatusCode}: {ex.Status.Detail}");
        foreach (string words in messageContains)
        {
            Assert.Contains(words, ex.Status.Detail, StringComparison.OrdinalIgnoreCase);
        }
        return ex;
    }
}
