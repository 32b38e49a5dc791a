using System.Runtime.Versioning;
using Npgsql;

namespace LexIntel.AppHost.Infrastructure;

[UnsupportedOSPlatform("windows")]
public static class LocalPostgresBuilderExtensions
{
    /// <summary>Adds the machine's PostgreSQL server, initialized on first start under <paramref name="data"/>.</summary>
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name, LocalDataDirectory data)
    {
        var installation = PostgresInstallation.Find(builder.Configuration);
        var dataDirectory = data.PathFor(name);
        var runAsPostgresUser = Environment.IsPrivilegedProcess;
        var sharedBuffers = SharedBuffers(builder.Configuration["LexIntel:Local:PostgresSharedBuffers"]);
        var password = builder.AddParameter($"{name}-password", data.ReadOrCreateSecret($"{name}-password"), secret: true);

        var resource = new LocalPostgresResource(name, runAsPostgresUser ? "setpriv" : installation.Postgres, data.Root, password.Resource);
        var initializer = new LocalPostgresInitializer(installation, dataDirectory, runAsPostgresUser);

        return builder.AddResource(resource)
            .WithEndpoint(name: LocalPostgresResource.PrimaryEndpointName, scheme: "tcp", isProxied: true)
            .WithArgs(context =>
            {
                if (runAsPostgresUser)
                {
                    foreach (var argument in LocalPostgresInitializer.SetprivArguments())
                    {
                        context.Args.Add(argument);
                    }

                    context.Args.Add(installation.Postgres);
                }

                context.Args.Add("-D");
                context.Args.Add(dataDirectory);
                context.Args.Add("-p");
                context.Args.Add(resource.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("-c");
                context.Args.Add($"shared_buffers={sharedBuffers}");
            })
            .OnBeforeResourceStarted(async (postgres, @event, cancellationToken) =>
            {
                var logger = @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(postgres);
                var secret = await postgres.PasswordParameter.GetValueAsync(cancellationToken);
                await initializer.EnsureInitializedAsync(secret!, logger, cancellationToken);
            })
            .OnResourceReady(async (postgres, @event, cancellationToken) =>
            {
                var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
                var connectionString = await postgres.ConnectionStringExpression.GetValueAsync(cancellationToken);
                foreach (var database in postgres.Databases)
                {
                    await CreateDatabaseIfMissingAsync(connectionString!, database.DatabaseName, cancellationToken);

                    // Aspire moves container children to Running with their parent, but not the
                    // children of an executable; the database's health check only runs once it is.
                    await notifications.PublishUpdateAsync(database, state => state with
                    {
                        State = KnownResourceStates.Running,
                        StartTimeStamp = DateTime.UtcNow,
                    });
                }
            })
            .WithConnectionStringHealthCheck((checks, connectionString, key) => checks.AddNpgSql(connectionString, name: key));
    }

    /// <summary>
    /// PostgreSQL's default of 128 MB holds less than the HNSW index of a 100,000-chunk case, so
    /// searches would keep copying pages in from the OS cache (over the search benchmark's queries
    /// the keyword statement's p99 went from 54 to 31 ms with 1 GB). A quarter of the machine's
    /// memory, as PostgreSQL's manual suggests for a dedicated server, but at most 1 GB on a
    /// developer's machine; configurable.
    /// </summary>
    private static string SharedBuffers(string? configured) =>
        !string.IsNullOrWhiteSpace(configured)
            ? configured
            : $"{Math.Min(1024, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4 / 1024 / 1024)}MB";

    /// <summary>Adds a database that is created, if missing, once the server is healthy.</summary>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(this IResourceBuilder<LocalPostgresResource> builder, string name, string? databaseName = null)
    {
        var database = new LocalPostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.Databases.Add(database);

        return builder.ApplicationBuilder.AddResource(database)
            .WithParentRelationship(builder.Resource)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.Waiting,
                Properties = [new(CustomResourceKnownProperties.Source, builder.Resource.Name)],
            })
            .WithConnectionStringHealthCheck((checks, connectionString, key) => checks.AddNpgSql(connectionString, name: key));
    }

    private static async Task CreateDatabaseIfMissingAsync(string serverConnectionString, string databaseName, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync(cancellationToken);

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", databaseName);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        var quoted = new NpgsqlCommandBuilder().QuoteIdentifier(databaseName);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }
}
