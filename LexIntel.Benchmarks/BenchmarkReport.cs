using System.Globalization;
using System.Text.Json;

namespace LexIntel.Benchmarks;

internal static class BenchmarkReport
{
    public static void Print(IBenchmarkScenario scenario, BenchmarkResult result)
    {
        var rows = result.Rows;
        var w1 = Math.Max("measurement".Length, rows.Max(r => r.Measurement.Length));
        var w2 = Math.Max("value".Length, rows.Max(r => r.Value.Length));
        Console.WriteLine();
        Console.WriteLine($"{scenario.Name}: {scenario.Description}");
        Console.WriteLine($"| {"measurement".PadRight(w1)} | {"value".PadLeft(w2)} | notes");
        Console.WriteLine($"|{new string('-', w1 + 2)}|{new string('-', w2 + 2)}|------");
        foreach (var row in rows)
        {
            Console.WriteLine($"| {row.Measurement.PadRight(w1)} | {row.Value.PadLeft(w2)} | {row.Notes}");
        }
    }

    /// <summary>Writes <c>bench-results/&lt;scenario&gt;.json</c>: one flat object of the scenario's metrics.</summary>
    public static async Task<string> WriteAsync(IBenchmarkScenario scenario, BenchmarkResult result, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateDirectory("bench-results");
        var path = Path.Combine(directory.FullName, $"{scenario.Name}.json");
        await using var stream = File.Create(path);
        await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        foreach (var (key, value) in result.Metrics)
        {
            writer.WriteNumber(key, Math.Round(value, 3));
        }

        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
        return path;
    }

    public static string Format(double value, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{value:N2} {unit}");
}
