namespace LexIntel.AppHost.Infrastructure;

/// <summary>Finds the machine's PostgreSQL server binaries (<c>LexIntel:Local:PostgresBinDirectory</c>).</summary>
public sealed record PostgresInstallation(string BinDirectory)
{
    private static readonly int[] SupportedMajorVersions = [17, 16, 15];

    public string Postgres => Path.Combine(BinDirectory, "postgres");

    public string InitDb => Path.Combine(BinDirectory, "initdb");

    public static PostgresInstallation Find(IConfiguration configuration)
    {
        var configured = configuration["LexIntel:Local:PostgresBinDirectory"];
        var candidates = string.IsNullOrWhiteSpace(configured)
            ? SupportedMajorVersions.Select(v => $"/usr/lib/postgresql/{v}/bin")
            : [configured];

        var found = candidates.FirstOrDefault(dir => File.Exists(Path.Combine(dir, "postgres")));
        return found is not null
            ? new PostgresInstallation(found)
            : throw new InvalidOperationException(
                "No PostgreSQL server was found for the embedded default (looked in "
                + string.Join(", ", candidates)
                + "). Run scripts/setup.sh, set LexIntel:Local:PostgresBinDirectory, or use containers (LexIntel:Infrastructure=Containers).");
    }
}
