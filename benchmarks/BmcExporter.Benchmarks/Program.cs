using BenchmarkDotNet.Running;
using BmcExporter.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(ExpositionBenchmarks).Assembly).Run(args);
