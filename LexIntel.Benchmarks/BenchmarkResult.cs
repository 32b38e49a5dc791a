namespace LexIntel.Benchmarks;

/// <summary>
/// A scenario's outcome: <see cref="Metrics"/> (exactly the keys its issue names) go to the JSON
/// file; <see cref="Rows"/> explain them in the printed table.
/// </summary>
public sealed record BenchmarkResult(IReadOnlyList<KeyValuePair<string, double>> Metrics, IReadOnlyList<BenchmarkRow> Rows);

public sealed record BenchmarkRow(string Measurement, string Value, string Notes);
