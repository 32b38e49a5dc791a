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
    /// Registers <see cref="LexIntelDbContext"/> through Aspire's Npgsql integration (pooled), with
    /// pgvector; each context is bound to its scope's <see cref="ITenantScope"/> when the process
    /// registers one (the API does; the worker and the migrator do not, and see every tenant).
    /// </summary>
    public static IHostApplicationBuilder AddLexIntelDbContext(this IHostApplicationBuilder builder)
    {
        var maxPoolSize = builder.Configuration.GetValue("LexIntel:Database:MaxPoolSize", DefaultMaxPoolSize);
        builder.AddNpgsqlDbContext<LexIntelDbContext>(
            LexIntelDbContext.ConnectionName,
            configureSettings: settings => settings.ConnectionString = WithPoolLimit(settings.ConnectionString, maxPoolSize),
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

    /// <summary>A pool size written into the connection string itself wins.</summary>
    private static string? WithPoolLimit(string? connectionString, int maxPoolSize)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            return connectionString;
        }

        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(key => key.Replace(" ", string.Empty, StringComparison.Ordinal) is var k && (k.Equals("MaxPoolSize", StringComparison.OrdinalIgnoreCase) || k.Equals("MaximumPoolSize", StringComparison.OrdinalIgnoreCase))))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = maxPoolSize }.ConnectionString;
    }
}
