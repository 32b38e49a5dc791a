using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace LexIntel.Shared.Queue;

/// <summary>
/// Ready while every job consumer of the process is a member of its group and its reads succeed:
/// not before it has joined, not once shutdown has stopped it taking jobs, and not while Redis
/// refuses its reads (say the stream's key was overwritten or its group deleted). A readiness check
/// only: restarting the process cures none of these, so it carries no liveness tag.
/// </summary>
public sealed class JobConsumersHealthCheck(IEnumerable<IHostedService> hostedServices) : IHealthCheck
{
    public const string Name = "consumers";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var consumers = hostedServices.OfType<JobConsumerService>().Select(s => s.Consumer).ToList();
        var data = consumers.ToDictionary(
            c => c.Kind,
            c => (object)(c.ReadFailure is { } failure ? $"{c.State}, reads failing: {failure}" : c.State.ToString()));

        var idle = consumers.Where(c => c.State != JobConsumerState.Consuming || c.ReadFailure is not null).Select(c => c.Kind).ToList();
        var result = idle.Count == 0
            ? HealthCheckResult.Healthy($"{consumers.Count} job consumer(s) reading", data)
            : new HealthCheckResult(context.Registration.FailureStatus, $"not consuming: {string.Join(", ", idle)}", data: data);
        return Task.FromResult(result);
    }
}
