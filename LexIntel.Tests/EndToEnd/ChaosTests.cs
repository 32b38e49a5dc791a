using LexIntel.Tests.Harness.Chaos;

namespace LexIntel.Tests.EndToEnd;

/// <summary>
/// The benchmark's chaos run, short: a few cases of court documents through two worker processes
/// while workers are SIGKILLed, Redis is SIGKILLed and started again on its append-only file, and
/// the API restarts under its SSE clients. Nothing may be lost, duplicated or stuck, and every SSE
/// client sees every final event of its case exactly once.
/// </summary>
[Tier(TestTier.EndToEnd)]
public sealed class ChaosTests
{
    private static readonly string[] Files = ["vector-pdf.pdf", "word-docx.docx", "missouri.pdf", "ca1_00117684624.pdf", "ca4_17.pdf"];

    [Fact]
    public async Task Worker_Redis_and_API_faults_lose_duplicate_and_strand_nothing_and_every_client_sees_each_final_event_once()
    {
        var settings = new ChaosSettings
        {
            Seed = 7,
            Cases = 3,
            CorpusFiles = [.. Files.Select(TestData.CourtDocument)],
            UploadSpacing = TimeSpan.FromSeconds(3),
            FaultSpacing = TimeSpan.FromSeconds(4),
            WorkerKills = 3,
            RedisKills = 1,
            ApiRestarts = 1,
            DrainTimeout = TimeSpan.FromMinutes(2),
        };

        var report = await ChaosRun.RunAsync(settings, [], line => TestContext.Current.SendDiagnosticMessage(line), TestContext.Current.CancellationToken);

        var problems = string.Join("\n", report.Problems);
        Assert.Equal(5, report.Faults);
        Assert.Equal(Files.Length * settings.Cases, report.Documents);
        Assert.True(report.Lost == 0, $"lost {report.Lost}:\n{problems}");
        Assert.True(report.Duplicated == 0, $"duplicated {report.Duplicated}:\n{problems}");
        Assert.True(report.Stuck == 0, $"stuck {report.Stuck}:\n{problems}");
        Assert.True(report.SseMissed == 0, $"SSE missed {report.SseMissed}:\n{problems}");
        Assert.True(report.Problems.Count == 0, problems);
        Assert.True(report.SseReconnections >= settings.Cases, $"the API restarted, yet the SSE clients reconnected only {report.SseReconnections} times");
        TestContext.Current.SendDiagnosticMessage($"drain {report.DrainSeconds:N1} s, {report.MidJobKills} of 3 kills mid-job, {report.Ready} ready");
    }
}
