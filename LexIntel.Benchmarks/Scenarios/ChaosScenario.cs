using System.Globalization;
using LexIntel.Benchmarks.Infrastructure;
using LexIntel.Tests.Harness.Chaos;

namespace LexIntel.Benchmarks.Scenarios;

/// <summary>
/// The issue's chaos run (<see cref="ChaosSettings.Full"/>): the corpus to nine cases and the
/// hostile files through the real processes, two workers, while workers are SIGKILLed mid-job and
/// SIGTERMed, Redis is SIGKILLed, PostgreSQL stopped, the blob store and the API restarted, on a
/// schedule seeded from <c>--seed</c>. See <see cref="ChaosReport"/> for what each number counts.
/// </summary>
internal sealed class ChaosScenario(IReadOnlyList<string> options) : IBenchmarkScenario
{
    private const int DefaultSeed = 1;

    public string Name => "chaos";

    public string Description => "ingestion under worker, Redis, PostgreSQL, blob store and API faults: nothing lost, duplicated, stuck or missed";

    public async Task<BenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        var seed = Seed();
        var report = await ChaosRun.RunAsync(ChaosSettings.Full(seed), Unthrottled.Settings, line => Console.WriteLine($"[chaos] {line}"), cancellationToken);
        foreach (var problem in report.Problems)
        {
            Console.WriteLine($"[chaos] {problem}");
        }

        return new BenchmarkResult(
            [
                new("documents", report.Documents),
                new("faults", report.Faults),
                new("lost", report.Lost),
                new("duplicated", report.Duplicated),
                new("stuck", report.Stuck),
                new("drain_s", report.DrainSeconds),
                new("sse_missed", report.SseMissed),
            ],
            [
                new("seed", seed.ToString(CultureInfo.InvariantCulture), "--seed N picks the faults' order, times and targets"),
                new("documents", Count(report.Documents), $"accepted, attachments included; {report.Ready} ready"),
                new("faults", Count(report.Faults), $"{report.MidJobKills} worker SIGKILLs hit a worker holding a job"),
                new("lost", Count(report.Lost), "target 0"),
                new("given up at the delivery cap", Count(report.CappedByKills.Count), $"worker_crashed, their own job killed by the run as often as the delivery cap allows (not lost): {(report.CappedByKills.Count == 0 ? "none" : string.Join(", ", report.CappedByKills))}"),
                new("duplicated", Count(report.Duplicated), "documents with a chunk or citation twice; target 0"),
                new("stuck", Count(report.Stuck), "documents not final + jobs left in the streams or outbox; target 0"),
                new("drain", BenchmarkReport.Format(report.DrainSeconds, "s"), "end of the last fault → every document final; target < 60 s"),
                new("sse missed", Count(report.SseMissed), $"final events not seen exactly once; {report.SseReconnections} reconnections with Last-Event-ID; target 0"),
                .. report.HostileOutcomes.Select(h => new BenchmarkRow($"hostile {h.File}", h.Outcome, BenchmarkReport.Format(h.Seconds, "s") + " upload → final")),
            ]);
    }

    private int Seed()
    {
        var at = options.ToList().IndexOf("--seed");
        return at >= 0 && at + 1 < options.Count ? int.Parse(options[at + 1], CultureInfo.InvariantCulture) : DefaultSeed;
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
