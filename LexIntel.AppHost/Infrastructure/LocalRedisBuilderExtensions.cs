using System.Runtime.Versioning;

namespace LexIntel.AppHost.Infrastructure;

[UnsupportedOSPlatform("windows")]
public static class LocalRedisBuilderExtensions
{
    /// <summary>Adds the machine's redis-server with append-only persistence under <paramref name="data"/>.</summary>
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(this IDistributedApplicationBuilder builder, string name, LocalDataDirectory data)
    {
        var dataDirectory = data.PathFor(name);
        var configFile = Path.Combine(dataDirectory, "redis.conf");
        var password = builder.AddParameter($"{name}-password", data.ReadOrCreateSecret($"{name}-password"), secret: true);
        var resource = new LocalRedisResource(name, builder.Configuration["LexIntel:Local:RedisServer"] ?? "redis-server", data.Root, password.Resource);

        return builder.AddResource(resource)
            .WithEndpoint(name: LocalRedisResource.PrimaryEndpointName, scheme: "tcp", isProxied: true)
            .WithArgs(context =>
            {
                context.Args.Add(configFile);
                context.Args.Add("--port");
                context.Args.Add(resource.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
            })
            .OnBeforeResourceStarted(async (redis, _, cancellationToken) =>
            {
                Directory.CreateDirectory(dataDirectory);
                var secret = await redis.PasswordParameter.GetValueAsync(cancellationToken);

                // The password lives in a file readable only by us rather than on the command line,
                // where every local user could read it.
                await File.WriteAllTextAsync(
                    configFile,
                    $"""
                    bind 127.0.0.1 -::1
                    protected-mode yes
                    dir {dataDirectory}
                    appendonly yes
                    appendfsync everysec
                    requirepass {secret}
                    """,
                    cancellationToken);
                File.SetUnixFileMode(configFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            })
            .WithConnectionStringHealthCheck((checks, connectionString, key) => checks.AddRedis(connectionString, name: key));
    }
}
