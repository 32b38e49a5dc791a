using LexIntel.Shared.Queue;
using LexIntel.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace LexIntel.Tests.Integration.Queue;

/// <summary>A worker host wired exactly as production wires one, around the test handler.</summary>
public static class QueueHost
{
    /// <summary>Short timings so the failure paths run in well under a second.</summary>
    public static void FastTimings(QueueOptions options)
    {
        options.VisibilityTimeout = TimeSpan.FromSeconds(1);
        options.PollInterval = TimeSpan.FromMilliseconds(100);
        options.DelayedPollInterval = TimeSpan.FromMilliseconds(50);
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(100);
        options.RetryMaxDelay = TimeSpan.FromSeconds(1);
        options.SoftTimeLimit = TimeSpan.FromSeconds(10);
        options.HardTimeLimit = TimeSpan.FromSeconds(10);
        options.ShutdownGracePeriod = TimeSpan.FromSeconds(5);
    }

    public static IHost Create(RedisServer redis, string kind, JobScript script, string consumerName, Action<QueueOptions>? configure = null) =>
        Create<ScriptedJobHandler>(redis, kind, consumerName, configure, services =>
        {
            services.AddSingleton(script);
            services.AddScoped<IJobFailureRecorder, ScriptedFailureRecorder>();
        });

    public static IHost Create<THandler>(RedisServer redis, string kind, string consumerName, Action<QueueOptions>? configure, Action<IServiceCollection> services)
        where THandler : class, IJobHandler =>
        Create<THandler>(redis.Connection, kind, consumerName, configure, services);

    /// <summary>On any Redis, such as a running app's, with a job kind of the test's own that the app's workers leave alone.</summary>
    public static IHost Create<THandler>(IConnectionMultiplexer redis, string kind, string consumerName, Action<QueueOptions>? configure, Action<IServiceCollection> services)
        where THandler : class, IJobHandler
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(redis);
        services(builder.Services);
        builder.Services.AddJobQueue(options =>
        {
            FastTimings(options);
            options.ConsumerName = consumerName;
            configure?.Invoke(options);
        });
        builder.Services.AddJobHandler<THandler>(kind);
        return builder.Build();
    }

    public static JobMessage Job(string kind, string? key = null) => new()
    {
        Kind = kind,
        Key = key ?? Guid.NewGuid().ToString("N"),
        TenantId = Guid.NewGuid(),
        CaseId = Guid.NewGuid(),
        DocumentId = Guid.NewGuid(),
        RunNumber = 1,
    };

    public static string NewKind() => $"test{Guid.NewGuid():N}";
}
