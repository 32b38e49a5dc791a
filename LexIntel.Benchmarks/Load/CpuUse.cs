using System.Globalization;
using LexIntel.Benchmarks.Infrastructure;

namespace LexIntel.Benchmarks.Load;

/// <summary>CPU time used so far by the API, the worker, the stores (PostgreSQL, Redis, the blob store), this process (the load's clients) and the whole machine.</summary>
internal sealed record CpuUse(TimeSpan Api, TimeSpan Worker, TimeSpan Stores, TimeSpan Clients, long MachineBusyTicks, long MachineTicks)
{
    public static CpuUse Now(string dataDirectory)
    {
        var (busy, total) = ProcessCpu.Machine();
        return new(ProcessCpu.Of("LexIntel.ApiService"), ProcessCpu.Of("LexIntel.WorkerService"), ProcessCpu.OfDataDirectory(dataDirectory), ProcessCpu.OfThisProcess(), busy, total);
    }

    /// <summary>Cores busy on average since <paramref name="start"/>: the whole machine's, and of them each part's; the rest is what else runs on the machine.</summary>
    public (double Machine, string Detail) CoresSince(CpuUse start, TimeSpan elapsed)
    {
        double Cores(TimeSpan used) => used / elapsed;
        var machine = (double)(MachineBusyTicks - start.MachineBusyTicks) / (MachineTicks - start.MachineTicks) * Environment.ProcessorCount;
        var (api, worker, stores, clients) = (Cores(Api - start.Api), Cores(Worker - start.Worker), Cores(Stores - start.Stores), Cores(Clients - start.Clients));
        return (machine, string.Create(
            CultureInfo.InvariantCulture,
            $"API {api:F2}, worker {worker:F2}, PostgreSQL + Redis + blob store {stores:F2}, the clients (this process) {clients:F2}, anything else {Math.Max(0, machine - api - worker - stores - clients):F2}"));
    }
}
