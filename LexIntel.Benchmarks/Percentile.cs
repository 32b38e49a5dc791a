namespace LexIntel.Benchmarks;

/// <summary>Nearest-rank percentiles of measured latencies.</summary>
internal static class Percentile
{
    /// <summary>The <paramref name="p"/> percentile (0–1) of already sorted values; NaN when there are none.</summary>
    public static double Of(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[(int)Math.Ceiling(p * sorted.Length) - 1];
}
