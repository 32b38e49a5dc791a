namespace LexIntel.Tests.Harness;

/// <summary>
/// A throw-away data directory for the embedded PostgreSQL and Redis, so tests and benchmarks never touch a
/// developer's data. World-traversable because PostgreSQL runs as the postgres user under root.
/// </summary>
public sealed class ThrowawayDataDirectory : IDisposable
{
    public ThrowawayDataDirectory()
    {
        Path = Directory.CreateTempSubdirectory("lexintel-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
