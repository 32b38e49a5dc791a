using LexIntel.Shared.Progress;
using LexIntel.Shared.Queue.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LexIntel.Shared.Queue;

public static class QueueServiceCollectionExtensions
{
    /// <summary>The queue's producer side, admin and telemetry; the Redis connection comes from the caller.</summary>
    public static IServiceCollection AddJobQueue(this IServiceCollection services, Action<QueueOptions>? configure = null)
    {
        var optionsBuilder = services.AddOptions<QueueOptions>()
            .Validate(o => o.MaxAttempts >= 1, "LexIntel:Queue:MaxAttempts must be at least 1.")
            .Validate(o => o.MaxDeliveries >= 1, "LexIntel:Queue:MaxDeliveries must be at least 1.")
            .Validate(o => o.Prefetch >= 1 && o.Concurrency >= 1 && o.ConcurrencyByKind.Values.All(c => c >= 1), "LexIntel:Queue:Prefetch and Concurrency (also per kind) must be at least 1.")
            .Validate(o => o.VisibilityTimeout >= TimeSpan.FromMilliseconds(300), "LexIntel:Queue:VisibilityTimeout must be at least 300 ms.")
            .Validate(o => o.HardTimeLimit >= o.SoftTimeLimit, "LexIntel:Queue:HardTimeLimit must not be shorter than SoftTimeLimit.")
            .ValidateOnStart();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StreamSignals>();
        services.TryAddSingleton<JobCancellations>();
        services.TryAddSingleton<QueueTelemetry>();
        services.TryAddSingleton<JobPublisher>();
        services.TryAddSingleton<QueueAdmin>();
        services.TryAddSingleton<QueuedJobs>();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OutboxWriter>();
        return services;
    }

    /// <summary>Runs the outbox dispatcher in this process (the API, which writes the outbox).</summary>
    public static IServiceCollection AddOutboxDispatcher(this IServiceCollection services)
    {
        services.AddJobQueue();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutboxDispatcher>());
        return services;
    }

    /// <summary>The progress feed (append and read); the Redis connection comes from the caller.</summary>
    public static IServiceCollection AddProgressFeed(this IServiceCollection services)
    {
        services.AddOptions<ProgressOptions>();
        services.TryAddSingleton<StreamSignals>();
        services.TryAddSingleton<ProgressFeed>();
        return services;
    }

    /// <summary>
    /// Consumes <paramref name="kind"/> with <typeparamref name="THandler"/> (resolved in a scope per
    /// job), and runs the delayed-retry promoter and the depth sampler once per process.
    /// </summary>
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services, string kind)
        where THandler : class, IJobHandler
    {
        services.AddJobQueue();
        services.TryAddScoped<THandler>();

        // One check for all the process's consumers, however many kinds it consumes.
        if (!services.Any(d => d.ServiceType == typeof(JobHandlerRegistration)))
        {
            services.AddHealthChecks().AddCheck<JobConsumersHealthCheck>(JobConsumersHealthCheck.Name);
        }

        services.AddSingleton(new JobHandlerRegistration(kind, typeof(THandler)));
        services.AddSingleton<IHostedService>(sp => new JobConsumerService(
            ActivatorUtilities.CreateInstance<JobConsumer>(sp, kind, typeof(THandler))));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DelayedJobPromoter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, QueueMetricsSampler>());

        // The host must wait out the consumers' grace period before it gives up on them.
        services.AddOptions<HostOptions>().Configure<IOptions<QueueOptions>>((host, queue) =>
            host.ShutdownTimeout = queue.Value.ShutdownGracePeriod + TimeSpan.FromSeconds(5));
        return services;
    }

}
