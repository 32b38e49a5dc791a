using System.Diagnostics;

namespace LexIntel.Tests.Infrastructure;

/// <summary>
/// What running some code cost: time, bytes allocated on the managed heap, and how far the process's
/// working set rose above where it stood (sampled every few milliseconds, so a peak that comes and
/// goes between two samples can be missed; the allocations cannot).
/// </summary>
public sealed record ResourceUse(TimeSpan Elapsed, long AllocatedBytes, long PeakWorkingSetGrowth)
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(5);

    public static ResourceUse Measure(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = Environment.WorkingSet;
        var peak = baseline;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            while (!done.Wait(SampleInterval))
            {
                peak = Math.Max(peak, Environment.WorkingSet);
            }
        });
        sampler.Start();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        try
        {
            action();
        }
        finally
        {
            clock.Stop();
            done.Set();
            sampler.Join();
        }

        return new ResourceUse(clock.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocated, Math.Max(peak, Environment.WorkingSet) - baseline);
    }

    public override string ToString() =>
        $"{Elapsed.TotalMilliseconds:N0} ms, {AllocatedBytes / 1024.0 / 1024:N1} MiB allocated, working set up {PeakWorkingSetGrowth / 1024.0 / 1024:N1} MiB at most";
}
