using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;

namespace LexIntel.ApiService.Progress;

internal static class ProgressTicketServiceExtensions
{
    private const string KeyRing = "lexintel:data-protection-keys";

    /// <summary>
    /// Progress tickets, protected by data-protection keys kept in Redis: a ticket issued by one API
    /// replica opens the stream on any other, and survives a restart within its minute.
    /// </summary>
    public static IHostApplicationBuilder AddProgressTickets(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("LexIntel");
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IConnectionMultiplexer>((options, redis) => options.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), KeyRing));
        builder.Services.AddSingleton<ProgressTickets>();
        return builder;
    }
}
