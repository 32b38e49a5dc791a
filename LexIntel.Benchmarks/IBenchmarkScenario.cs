namespace LexIntel.Benchmarks;

public interface IBenchmarkScenario
{
    string Name { get; }

    string Description { get; }

    Task<BenchmarkResult> RunAsync(CancellationToken cancellationToken);
}
