using System.Diagnostics;
using System.Globalization;
using LexIntel.Shared.Queue;
using LexIntel.Tests.ConsumerHost;
using LexIntel.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LexIntel.Tests.Integration.Queue;

[Collection(RedisCollection.Name)]
[Tier(TestTier.Integration)]
public sealed class WorkerCrashTests(RedisServer redis)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_job_whose_worker_process_is_killed_mid_job_is_reclaimed_and_its_outcome_recorded_once()
    {
        var cancel = TestContext.Current.CancellationToken;
        var kind = QueueHost.NewKind();
        var db = redis.Connection.GetDatabase();
        using var doomed = StartConsumerProcess(kind, handlerDelay: TimeSpan.FromSeconds(60));
        try
        {
            var publisher = new JobPublisher(redis.Connection, Options.Create(new QueueOptions()), TimeProvider.System);
            var job = QueueHost.Job(kind);
            await publisher.EnqueueAsync(job, cancel);
            await Eventually.HoldsAsync(async () => await db.ListLengthAsync(LedgerJobHandler.Started(kind)) == 1, Patience, "the worker process to start the job");

            doomed.Kill();
            await doomed.WaitForExitAsync(cancel);
            Assert.Equal(137, doomed.ExitCode);
            var pending = await db.StreamPendingAsync(QueueKeys.Stream(kind), QueueKeys.Group(kind));
            Assert.Equal(1, pending.PendingMessageCount);

            using var survivor = CreateLedgerHost(kind);
            await survivor.StartAsync(cancel);
            await Eventually.HoldsAsync(async () => await db.ListLengthAsync(LedgerJobHandler.Completions(kind)) == 1, Patience, "the reclaimed job to complete");
            await survivor.StopAsync(cancel);

            var starts = (await db.ListRangeAsync(LedgerJobHandler.Started(kind))).Select(v => v.ToString()).ToArray();
            Assert.Equal(2, starts.Length);
            Assert.StartsWith($"{doomed.Id.ToString(CultureInfo.InvariantCulture)}:", starts[0], StringComparison.Ordinal);
            Assert.StartsWith($"{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}:", starts[1], StringComparison.Ordinal);
            Assert.Equal([job.Key], (await db.SetMembersAsync(LedgerJobHandler.Outcomes(kind))).Select(v => v.ToString()));
            Assert.Equal(0, await db.StreamLengthAsync(QueueKeys.Stream(kind)));
        }
        finally
        {
            if (!doomed.HasExited)
            {
                doomed.Kill();
            }
        }
    }

    [Fact]
    public async Task A_job_that_takes_down_every_worker_that_runs_it_is_dead_lettered_as_worker_crashed_after_max_deliveries()
    {
        var cancel = TestContext.Current.CancellationToken;
        var kind = QueueHost.NewKind();
        var db = redis.Connection.GetDatabase();
        var job = QueueHost.Job(kind);
        await new JobPublisher(redis.Connection, Options.Create(new QueueOptions()), TimeProvider.System).EnqueueAsync(job, cancel);

        // Each worker that takes the job up dies in it, as one would on a file that exhausts its memory.
        var killed = new List<int>();
        for (var run = 1; run <= 2; run++)
        {
            using var doomed = StartConsumerProcess(kind, handlerDelay: TimeSpan.FromSeconds(60), consumerName: $"doomed-{run}");
            try
            {
                await Eventually.HoldsAsync(async () => await db.ListLengthAsync(LedgerJobHandler.Started(kind)) == run, Patience, $"worker {run} to start the job");
                doomed.Kill();
                await doomed.WaitForExitAsync(cancel);
                killed.Add(doomed.Id);
            }
            finally
            {
                if (!doomed.HasExited)
                {
                    doomed.Kill();
                }
            }
        }

        var script = new JobScript();
        using var survivor = QueueHost.Create<LedgerJobHandler>(redis, kind, "survivor", o => o.MaxDeliveries = 2, services =>
        {
            services.Configure<LedgerOptions>(o => o.Kind = kind);
            services.AddSingleton(script);
            services.AddScoped<IJobFailureRecorder, ScriptedFailureRecorder>();
        });
        await survivor.StartAsync(cancel);
        await Eventually.HoldsAsync(() => !script.Failures.IsEmpty, Patience, "the job to be given up");
        await survivor.StopAsync(cancel);

        var starts = (await db.ListRangeAsync(LedgerJobHandler.Started(kind))).Select(v => v.ToString());
        Assert.Equal(killed.Select((pid, i) => $"{pid.ToString(CultureInfo.InvariantCulture)}:{job.Key}:{i + 1}"), starts);
        var (_, failure) = Assert.Single(script.Failures);
        Assert.Equal(JobFailure.WorkerCrashedCode, failure.Code);
        Assert.Equal(2, failure.Attempts);
        Assert.Empty(await db.SetMembersAsync(LedgerJobHandler.Outcomes(kind)));
        Assert.Equal(0, await db.StreamLengthAsync(QueueKeys.Stream(kind)));
    }

    private Process StartConsumerProcess(string kind, TimeSpan handlerDelay, string consumerName = "doomed")
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "exec", Path.Combine(AppContext.BaseDirectory, "LexIntel.Tests.ConsumerHost.dll") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.Environment["ConnectionStrings__redis"] = redis.ConnectionString;
        startInfo.Environment["Ledger__Kind"] = kind;
        startInfo.Environment["Ledger__HandlerDelay"] = handlerDelay.ToString("c", CultureInfo.InvariantCulture);
        startInfo.Environment["LexIntel__Queue__VisibilityTimeout"] = "00:00:01";
        startInfo.Environment["LexIntel__Queue__ConsumerName"] = consumerName;
        var process = Process.Start(startInfo)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private IHost CreateLedgerHost(string kind) =>
        QueueHost.Create<LedgerJobHandler>(redis, kind, "survivor", configure: null, services => services.Configure<LedgerOptions>(o => o.Kind = kind));
}
