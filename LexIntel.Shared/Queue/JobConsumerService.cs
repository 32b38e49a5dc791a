using Microsoft.Extensions.Hosting;

namespace LexIntel.Shared.Queue;

/// <summary>Hosts one <see cref="JobConsumer"/> for the life of the worker process.</summary>
public sealed class JobConsumerService(JobConsumer consumer) : BackgroundService
{
    public JobConsumer Consumer { get; } = consumer;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Consumer.RunAsync(stoppingToken);
}
