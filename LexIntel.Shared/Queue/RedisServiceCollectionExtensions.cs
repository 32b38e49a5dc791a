using Microsoft.Extensions.Hosting;

namespace LexIntel.Shared.Queue;

public static class RedisServiceCollectionExtensions
{
    public const string ConnectionName = "redis";

    /// <summary>Registers the shared Redis connection (job queue and progress feed) through Aspire's integration.</summary>
    public static IHostApplicationBuilder AddLexIntelRedis(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient(ConnectionName);
        return builder;
    }
}
