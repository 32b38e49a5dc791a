using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace LexIntel.Tests.Harness;

/// <summary>
/// A throw-away redis-server on a free loopback port, without persistence, for the benchmarks and
/// the tests, which both need a real server of their own.
/// </summary>
public sealed class LocalRedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly LocalServerProcess process;
    private readonly string directory;

    private LocalRedisServer(LocalServerProcess process, string directory, int port)
    {
        this.process = process;
        this.directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)},abortConnect=false";

    public static async Task<LocalRedisServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var directory = Directory.CreateTempSubdirectory("lexintel-redis-").FullName;
        var port = LocalServerProcess.FreePort().ToString(CultureInfo.InvariantCulture);
        var process = await LocalServerProcess.StartAsync(
            new ProcessStartInfo("redis-server")
            {
                ArgumentList = { "--port", port, "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--dir", directory },
            },
            async _ =>
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},connectTimeout=1000");
                await probe.GetDatabase().PingAsync();
            },
            StartTimeout,
            cancellationToken);
        return new LocalRedisServer(process, directory, int.Parse(port, CultureInfo.InvariantCulture));
    }

    public Task<ConnectionMultiplexer> ConnectAsync() => ConnectionMultiplexer.ConnectAsync(ConnectionString);

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
