using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LexIntel.Shared.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting any service.</summary>
internal sealed class LexIntelDbContextDesignTimeFactory : IDesignTimeDbContextFactory<LexIntelDbContext>
{
    public LexIntelDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<LexIntelDbContext>()
            .UseNpgsql("Host=localhost;Database=lexintel", npgsql => npgsql.UseVector())
            .Options;
        return new LexIntelDbContext(options);
    }
}
