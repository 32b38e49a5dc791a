namespace LexIntel.AppHost.Infrastructure;

public static class InfrastructureBuilderExtensions
{
    public const string PostgresName = "postgres";
    public const string DatabaseName = "lexintel";
    public const string RedisName = "redis";
    public const string BlobsName = "blobs";

    /// <summary>
    /// Adds PostgreSQL (with pgvector), Redis and blob storage: as containers when a runtime is
    /// healthy, otherwise as the machine's own servers under the same names; published, the
    /// database and Redis as containers and blob storage as a connection string to a real account.
    /// </summary>
    public static LexIntelInfrastructure AddLexIntelInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var mode = ResolveMode(builder);
        return mode == InfrastructureMode.Containers ? AddContainers(builder) : AddLocal(builder);
    }

    private static InfrastructureMode ResolveMode(IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return InfrastructureMode.Containers;
        }

        var configured = builder.Configuration.GetValue("LexIntel:Infrastructure", InfrastructureMode.Auto);
        if (configured != InfrastructureMode.Auto)
        {
            return configured;
        }

        var runtime = builder.Configuration["ASPIRE_CONTAINER_RUNTIME"]
            ?? builder.Configuration["DOTNET_ASPIRE_CONTAINER_RUNTIME"]
            ?? "docker";
        return ContainerRuntimeProbe.IsHealthy(runtime) ? InfrastructureMode.Containers : InfrastructureMode.Local;
    }

    private static LexIntelInfrastructure AddContainers(IDistributedApplicationBuilder builder)
    {
        var database = builder.AddPostgres(PostgresName)
            .WithImage("pgvector/pgvector", "pg17")
            .WithDataVolume()
            .AddDatabase(DatabaseName);

        // WithDataVolume turns on RDB snapshots; a job queue also wants the append-only file so an
        // acknowledged XADD survives a crash.
        var redis = builder.AddRedis(RedisName)
            .WithDataVolume()
            .WithArgs(context => context.Args[^1] = $"{context.Args[^1]} --appendonly yes");

        // azd provisions no storage account for the AppHost (Aspire's Azure storage integration is
        // not used), so a deployment names one, by its connection string, as a secret parameter.
        var blobs = builder.ExecutionContext.IsPublishMode
            ? AsConnectionString(builder.AddConnectionString(BlobsName))
            : AsConnectionString(builder.AddAzuriteContainer(BlobsName));

        return new LexIntelInfrastructure(AsConnectionString(database), AsConnectionString(redis), blobs, LegacyFilesDirectory: null);
    }

    private static LexIntelInfrastructure AddLocal(IDistributedApplicationBuilder builder)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException(
                "The embedded PostgreSQL/Redis/Azurite default runs on Linux and macOS; on Windows start Docker or Podman (LexIntel:Infrastructure=Containers).");
        }

        var data = LocalDataDirectory.FromConfiguration(builder.Configuration);
        var database = builder.AddLocalPostgres(PostgresName, data).AddDatabase(DatabaseName);
        var redis = builder.AddLocalRedis(RedisName, data);
        var blobs = builder.AddLocalAzurite(BlobsName, data);
        return new LexIntelInfrastructure(AsConnectionString(database), AsConnectionString(redis), AsConnectionString(blobs), data.PathFor("files"));
    }

    private static IResourceBuilder<IResourceWithConnectionString> AsConnectionString<T>(IResourceBuilder<T> builder)
        where T : IResourceWithConnectionString =>
        builder.ApplicationBuilder.CreateResourceBuilder<IResourceWithConnectionString>(builder.Resource);
}
