using BenchmarkDotNet.Running;

// Run all:      dotnet run -c Release --project benchmarks/Search.Benchmarks -- --filter '*'
// One class:    ... -- --filter '*DocumentBuildingBenchmarks*'      Quick look: add --job short
BenchmarkSwitcher.FromAssembly(typeof(Search.Benchmarks.SampleData).Assembly).Run(args);
