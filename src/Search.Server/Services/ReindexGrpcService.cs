using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Search.Core.Reindexing;
using Proto = Search.Contracts.V1;

namespace Search.Server.Services;

/// <summary>gRPC adapter for rebuild jobs: maps, calls the coordinator, maps back.</summary>
internal sealed class ReindexGrpcService(ReindexCoordinator coordinator) : Proto.ReindexService.ReindexServiceBase
{
    public override Task<Proto.ReindexJob> StartReindex(Proto.StartReindexRequest request, ServerCallContext context)
    {
        var source = request.Source switch
        {
            Proto.ReindexSource.LiveIndex => ReindexSourceKind.LiveIndex,
            Proto.ReindexSource.Files => ReindexSourceKind.Files,
            Proto.ReindexSource.LiveIndexAndFiles => ReindexSourceKind.LiveIndexAndFiles,
            _ => throw new RpcException(new Status(StatusCode.InvalidArgument, $"source: unknown value {(int)request.Source}.")),
        };
        return Task.FromResult(ToProto(coordinator.Start(new ReindexRequest(source, request.Paths.ToList(), request.Replace))));
    }

    public override Task<Proto.ReindexJob> GetReindexJob(Proto.GetReindexJobRequest request, ServerCallContext context) =>
        Task.FromResult(ToProto(coordinator.Get(request.Id)));

    public override async Task WatchReindexJob(Proto.WatchReindexJobRequest request, IServerStreamWriter<Proto.ReindexJob> responseStream, ServerCallContext context)
    {
        await foreach (ReindexJobSnapshot snapshot in coordinator.Watch(request.Id, context.CancellationToken))
        {
            await responseStream.WriteAsync(ToProto(snapshot), context.CancellationToken);
        }
    }

    public override Task<Proto.ListReindexJobsResponse> ListReindexJobs(Proto.ListReindexJobsRequest request, ServerCallContext context)
    {
        var response = new Proto.ListReindexJobsResponse();
        response.Jobs.AddRange(coordinator.List().Select(ToProto));
        return Task.FromResult(response);
    }

    public override Task<Proto.ReindexJob> CancelReindexJob(Proto.CancelReindexJobRequest request, ServerCallContext context) =>
        Task.FromResult(ToProto(coordinator.Cancel(request.Id)));

    private static Proto.ReindexJob ToProto(ReindexJobSnapshot job)
    {
        var proto = new Proto.ReindexJob
        {
            Id = job.Id,
            State = (Proto.ReindexState)(int)job.State,
            Processed = job.Processed,
            Total = job.Total,
            Failed = job.Failed,
            ArticlesPerSecond = job.ArticlesPerSecond,
            Eta = job.Eta is { } eta ? Duration.FromTimeSpan(eta) : null,
            Started = Timestamp.FromDateTimeOffset(job.Started),
            Finished = job.Finished is { } finished ? Timestamp.FromDateTimeOffset(finished) : null,
            Message = job.Message,
            Generation = job.Generation,
        };
        proto.Errors.AddRange(job.Errors.Select(e => new Proto.ArticleError { Id = e.Id, Index = e.Index, Message = e.Message }));
        return proto;
    }
}
