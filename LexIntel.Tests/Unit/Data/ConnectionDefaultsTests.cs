using LexIntel.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace LexIntel.Tests.Unit.Data;

/// <summary>
/// The connection settings <c>AddLexIntelDbContext</c> adds to the configured connection string:
/// a pool limit and auto-preparation by default, what the connection string or configuration says
/// instead. Read from a leased context's connection string; nothing connects.
/// </summary>
[Tier(TestTier.Unit)]
public sealed class ConnectionDefaultsTests
{
    [Fact]
    public void A_bare_connection_string_gets_the_pool_limit_and_auto_preparation()
    {
        var settings = SettingsFor("Host=localhost;Database=lexintel");

        Assert.Equal(DataServiceCollectionExtensions.DefaultMaxPoolSize, settings.MaxPoolSize);
        Assert.Equal(DataServiceCollectionExtensions.DefaultMaxAutoPrepare, settings.MaxAutoPrepare);
    }

    [Fact]
    public void What_the_connection_string_says_wins()
    {
        var settings = SettingsFor("Host=localhost;Database=lexintel;Maximum Pool Size=7;Max Auto Prepare=0");

        Assert.Equal(7, settings.MaxPoolSize);
        Assert.Equal(0, settings.MaxAutoPrepare);
    }

    [Fact]
    public void Configuration_sets_them_for_a_connection_string_that_does_not()
    {
        var settings = SettingsFor("Host=localhost;Database=lexintel", ("LexIntel:Database:MaxPoolSize", "12"), ("LexIntel:Database:MaxAutoPrepare", "0"));

        Assert.Equal(12, settings.MaxPoolSize);
        Assert.Equal(0, settings.MaxAutoPrepare);
    }

    private static NpgsqlConnectionStringBuilder SettingsFor(string connectionString, params (string Key, string Value)[] configuration)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"ConnectionStrings:{LexIntelDbContext.ConnectionName}"] = connectionString;
        foreach (var (key, value) in configuration)
        {
            builder.Configuration[key] = value;
        }

        builder.AddLexIntelDbContext();
        using var host = builder.Build();
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LexIntelDbContext>();
        return new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
    }
}
