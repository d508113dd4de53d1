using BenchmarkDotNet.Running;
using Search.Benchmarks.IngestCost;

// Run all:      dotnet run -c Release --project benchmarks/Search.Benchmarks -- --filter '*'
// One class:    ... -- --filter '*DocumentBuildingBenchmarks*'      Quick look: add --job short
// Ingest with and without organisation extraction over a corpus (the 30% budget), see benchmarks/README.md:
//               ... -- ingest-cost [--articles FILE.jsonl] [--rounds 5] [--batch-size 500] [--workdir DIR]
if (args.Length > 0 && args[0] == "ingest-cost")
{
    try
    {
        await IngestCostBenchmark.RunAsync(IngestCostArguments.Parse(args.Skip(1).ToList()));
        return 0;
    }
    catch (Exception ex) when (ex is ArgumentException or IOException)
    {
        Console.Error.WriteLine($"ingest-cost failed: {ex.Message}");
        return 1;
    }
}
BenchmarkSwitcher.FromAssembly(typeof(Search.Benchmarks.SampleData).Assembly).Run(args);
return 0;
