using Microsoft.AspNetCore.Http.Features;
using Search.Core;

namespace Search.Server.Hosting;

/// <summary>
/// gRPC refuses a message above the size limit before any of our code runs, with a generic message. This
/// rewrites that status message so it names the setting to change, like every other limit does.
/// </summary>
internal sealed class MessageSizeStatusMiddleware(RequestDelegate next, SearchLimits limits)
{
    private const string GrpcMessage = "grpc-message";
    private const string SizeMarker = "maximum configured message size";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            // A refusal before any response message is a trailers-only response: the status is in the headers.
            Rewrite(context.Response.Headers);
            return Task.CompletedTask;
        });
        return InvokeAndRewriteTrailersAsync(context);
    }

    private async Task InvokeAndRewriteTrailersAsync(HttpContext context)
    {
        await next(context);
        if (context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers is { IsReadOnly: false } trailers)
        {
            Rewrite(trailers);
        }
    }

    private void Rewrite(IHeaderDictionary headers)
    {
        if (headers.TryGetValue(GrpcMessage, out var message) && message.ToString().Contains(SizeMarker, StringComparison.Ordinal))
        {
            headers[GrpcMessage] = Uri.EscapeDataString(
                $"The message is larger than the limit of {limits.MaxRequestBytes} bytes (Search:Limits:MaxRequestBytes); send smaller batches.");
        }
    }
}
