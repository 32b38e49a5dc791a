using StackExchange.Redis;

namespace LexIntel.Tests.Infrastructure;

/// <summary>A real redis-server shared by a test collection.</summary>
public sealed class RedisServer : IAsyncLifetime
{
    private LocalRedisServer? server;

    public string ConnectionString => server!.ConnectionString;

    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        server = await LocalRedisServer.StartAsync(TestContext.Current.CancellationToken);
        Connection = await server.ConnectAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Connection is not null)
        {
            await Connection.DisposeAsync();
        }

        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
