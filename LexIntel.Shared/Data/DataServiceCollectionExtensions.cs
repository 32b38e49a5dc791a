using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace LexIntel.Shared.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers <see cref="LexIntelDbContext"/> through Aspire's Npgsql integration, with pgvector.</summary>
    public static IHostApplicationBuilder AddLexIntelDbContext(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<LexIntelDbContext>(
            LexIntelDbContext.ConnectionName,
            configureDbContextOptions: options => options.UseNpgsql(npgsql => npgsql.UseVector()));
        return builder;
    }
}
