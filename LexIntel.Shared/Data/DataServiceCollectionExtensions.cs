using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
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

    /// <summary>Registers <see cref="LexIntelDbContext"/> through Aspire's Npgsql integration, with pgvector.</summary>
    public static IHostApplicationBuilder AddLexIntelDbContext(this IHostApplicationBuilder builder)
    {
        var maxPoolSize = builder.Configuration.GetValue("LexIntel:Database:MaxPoolSize", DefaultMaxPoolSize);
        builder.AddNpgsqlDbContext<LexIntelDbContext>(
            LexIntelDbContext.ConnectionName,
            configureSettings: settings => settings.ConnectionString = WithPoolLimit(settings.ConnectionString, maxPoolSize),
            configureDbContextOptions: options => options.UseNpgsql(npgsql => npgsql.UseVector()));
        return builder;
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
