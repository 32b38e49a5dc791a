using System.Runtime.Versioning;

namespace LexIntel.AppHost.Infrastructure;

/// <summary>
/// Prepares a PostgreSQL data directory on first start: initdb with a password, loopback-only
/// TCP, and the <c>vector</c> extension in <c>template1</c> so every database created later has it.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed partial class LocalPostgresInitializer(PostgresInstallation installation, string dataDirectory, bool runAsPostgresUser)
{
    private const string PostgresUser = "postgres";

    public async Task EnsureInitializedAsync(string password, ILogger logger, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            return;
        }

        // initdb runs into a scratch folder that is renamed at the end, so an interrupted first
        // start never leaves a half-made data directory behind.
        var staging = dataDirectory + ".initializing";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        var parent = Path.GetDirectoryName(dataDirectory)!;
        var passwordFile = Path.Combine(parent, $".pwfile-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            if (runAsPostgresUser)
            {
                await ProcessRunner.RunAsync("chown", ["-R", $"{PostgresUser}:{PostgresUser}", staging, passwordFile], logger, cancellationToken);
            }

            LogInitializing(logger, dataDirectory);
            await RunAsServerUserAsync(
                installation.InitDb,
                ["-D", staging, "-U", PostgresUser, "--auth=scram-sha-256", $"--pwfile={passwordFile}", "--encoding=UTF8", "--locale=C.UTF-8"],
                logger,
                cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }

        await File.AppendAllTextAsync(
            Path.Combine(staging, "postgresql.conf"),
            """

            # LexIntel embedded default: TCP on loopback only, no Unix socket (its default folder is
            # not writable by every user), port given on the command line by the AppHost.
            listen_addresses = 'localhost'
            unix_socket_directories = ''
            """,
            cancellationToken);

        await RunAsServerUserAsync(
            installation.Postgres,
            ["--single", "-D", staging, "template1"],
            logger,
            cancellationToken,
            "CREATE EXTENSION IF NOT EXISTS vector;\n");

        Directory.Move(staging, dataDirectory);
    }

    private Task RunAsServerUserAsync(string program, IEnumerable<string> arguments, ILogger logger, CancellationToken cancellationToken, string? standardInput = null) =>
        runAsPostgresUser
            ? ProcessRunner.RunAsync("setpriv", [.. SetprivArguments(), program, .. arguments], logger, cancellationToken, standardInput)
            : ProcessRunner.RunAsync(program, arguments, logger, cancellationToken, standardInput);

    [LoggerMessage(Level = LogLevel.Information, Message = "Initializing PostgreSQL data directory {DataDirectory}")]
    private static partial void LogInitializing(ILogger logger, string dataDirectory);

    /// <summary>PostgreSQL refuses to run as root; setpriv execs, so signals reach postgres itself.</summary>
    public static IEnumerable<string> SetprivArguments() =>
        [$"--reuid={PostgresUser}", $"--regid={PostgresUser}", "--init-groups"];
}
