using Search.PeerDriver;

// Usage (normally through benchmarks/peer-driver.sh, which builds and passes --server-dll):
//   Search.PeerDriver --server-dll DLL --articles A --queries Q --workdir W --out O [--warmup 1] [--passes 1]
//                     [--skip-build] [--modes ids,highlight,facets,highlight_facets_filter] [--batch-size 500] [--jit-warmup 600]
//   Search.PeerDriver concurrency --server-dll DLL --articles A --queries Q --workdir W --out O.json [--md O.md]
//                     [--skip-build] [--clients 1,4,16,64] [--seconds 10] [--max-queries 2000] [--modes ids,highlight_facets_filter]
//   Search.PeerDriver load --server-dll DLL --articles A --workdir W [--out O.json] [--md O.md] [--results-dir D]
//                     [--seconds 60] [--searchers 16] [--write-batch 200] [--deadline-seconds 10] [--seed N] [--warmup-requests 300]
//     (exit code 1 when a request failed, the live count disagrees or the memory bound did not hold)
try
{
    if (args.Length > 0 && args[0] == "load")
    {
        return await LoadBenchmark.RunAsync(DriverArguments.Parse(args.Skip(1))) ? 0 : 1;
    }
    if (args.Length > 0 && args[0] == "concurrency")
    {
        await ConcurrencyBenchmark.RunAsync(DriverArguments.Parse(args.Skip(1)));
    }
    else
    {
        await PeerBenchmark.RunAsync(DriverArguments.Parse(args));
    }
    return 0;
}
catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or TimeoutException or IOException or Grpc.Core.RpcException)
{
    Console.Error.WriteLine($"peer driver failed: {ex}");
    return 1;
}
