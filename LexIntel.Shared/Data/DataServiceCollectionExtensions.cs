using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace LexIntel.Shared.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Each process's connections by default. PostgreSQL allows 100 in all, and Npgsql's own default
    /// of 100 per process let a burst of requests (500 browsers opening progress feeds at once) in
    /// the API alone exhaust the server and fail the worker's connections; 40 each for API and
    /// worker leaves room for the migrator and an administrator's psql.
    /// </summary>
    public const int DefaultMaxPoolSize = 40;

    /// <summary>
    /// Statements Npgsql prepares on each connection once used five times (least recently used
    /// recycled). Search runs three statements of a few dozen lines each; unprepared, PostgreSQL
    /// parsed and planned each of them on every call, 2–6 ms of a 20–40 ms search (search benchmark).
    /// </summary>
    public const int DefaultMaxAutoPrepare = 100;

    /// <summary>
    /// Registers <see cref="LexIntelDbContext"/> through Aspire's Npgsql integration (pooled), with
    /// pgvector; each context is bound to its scope's <see cref="ITenantScope"/> when the process
    /// registers one (the API does; the worker and the migrator do not, and see every tenant).
    /// </summary>
    public static IHostApplicationBuilder AddLexIntelDbContext(this IHostApplicationBuilder builder)
    {
        var maxPoolSize = builder.Configuration.GetValue("LexIntel:Database:MaxPoolSize", DefaultMaxPoolSize);
        var maxAutoPrepare = builder.Configuration.GetValue("LexIntel:Database:MaxAutoPrepare", DefaultMaxAutoPrepare);
        builder.AddNpgsqlDbContext<LexIntelDbContext>(
            LexIntelDbContext.ConnectionName,
            configureSettings: settings => settings.ConnectionString = WithDefaults(settings.ConnectionString, maxPoolSize, maxAutoPrepare),
            configureDbContextOptions: options => options.UseNpgsql(npgsql => npgsql.UseVector()));
        BindEachLease(builder.Services);
        return builder;
    }

    /// <summary>
    /// A pooled context serves one scope after another, and EF Core resets only its own state
    /// between them; so every lease is bound anew, to the scope it is leased to, and a context
    /// never keeps the tenant of the request it served before.
    /// </summary>
    private static void BindEachLease(IServiceCollection services)
    {
        var lease = services.Single(d => d.ServiceType == typeof(LexIntelDbContext)).ImplementationFactory
            ?? throw new InvalidOperationException($"{nameof(LexIntelDbContext)} is expected to be registered by a factory that leases it from the pool.");
        services.Replace(ServiceDescriptor.Scoped(provider =>
        {
            var db = (LexIntelDbContext)lease(provider);
            db.TenantScope = provider.GetService<ITenantScope>();
            return db;
        }));
    }

    /// <summary>A pool size or auto-prepare limit written into the connection string itself wins.</summary>
    private static string? WithDefaults(string? connectionString, int maxPoolSize, int maxAutoPrepare)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            return connectionString;
        }

        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", string.Empty, StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("MaxPoolSize") && !given.Contains("MaximumPoolSize"))
        {
            builder.MaxPoolSize = maxPoolSize;
        }

        if (!given.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = maxAutoPrepare;
        }

        return builder.ConnectionString;
    }
}
