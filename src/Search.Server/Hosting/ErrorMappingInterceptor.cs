using Grpc.Core;
using Grpc.Core.Interceptors;
using Search.Core;

namespace Search.Server.Hosting;

/// <summary>
/// Turns engine refusals into gRPC statuses with their message, and cancellation into CANCELLED or
/// DEADLINE_EXCEEDED, so no request ends as UNKNOWN with a stack trace.
/// </summary>
internal sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    private RpcException Map(Exception ex, ServerCallContext context)
    {
        switch (ex)
        {
            case SearchRequestException refused:
                return new RpcException(new Status(ToStatus(refused.Kind), refused.Message));
            case OperationCanceledException when context.Deadline <= DateTime.UtcNow:
                return new RpcException(new Status(StatusCode.DeadlineExceeded, "The call's deadline passed; the search was stopped."));
            case OperationCanceledException:
                return new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled; the search was stopped."));
            case ObjectDisposedException:
                return new RpcException(new Status(StatusCode.Unavailable, "The service is shutting down or swapping its index; retry."));
            default:
                LogUnexpected(logger, context.Method, ex);
                return new RpcException(new Status(StatusCode.Internal, $"Unexpected error: {ex.GetType().Name}: {ex.Message}"));
        }
    }

    private static StatusCode ToStatus(SearchErrorKind kind) => kind switch
    {
        SearchErrorKind.InvalidArgument => StatusCode.InvalidArgument,
        SearchErrorKind.NotFound => StatusCode.NotFound,
        SearchErrorKind.ResourceExhausted => StatusCode.ResourceExhausted,
        SearchErrorKind.DeadlineExceeded => StatusCode.DeadlineExceeded,
        SearchErrorKind.FailedPrecondition => StatusCode.FailedPrecondition,
        SearchErrorKind.Unavailable => StatusCode.Unavailable,
        _ => StatusCode.Internal,
    };

    [LoggerMessage(EventId = 100, Level = LogLevel.Error, Message = "Unexpected error in {Method}.")]
    private static partial void LogUnexpected(ILogger logger, string method, Exception exception);
}
