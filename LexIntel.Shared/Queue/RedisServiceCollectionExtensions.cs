using LexIntel.Shared.Progress;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LexIntel.Shared.Queue;

public static class RedisServiceCollectionExtensions
{
    public const string ConnectionName = "redis";

    /// <summary>Registers the shared Redis connection (job queue and progress feed) through Aspire's integration.</summary>
    public static IHostApplicationBuilder AddLexIntelRedis(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient(ConnectionName);
        builder.Services.AddJobQueue();
        builder.Services.AddOptions<QueueOptions>().Bind(builder.Configuration.GetSection(QueueOptions.SectionName));
        builder.Services.AddProgressFeed();
        builder.Services.AddOptions<ProgressOptions>().Bind(builder.Configuration.GetSection(ProgressOptions.SectionName));
        return builder;
    }
}
