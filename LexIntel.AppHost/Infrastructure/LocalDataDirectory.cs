using System.Runtime.Versioning;
using System.Security.Cryptography;

namespace LexIntel.AppHost.Infrastructure;

/// <summary>
/// Where the embedded default keeps its data (<c>LexIntel:DataDirectory</c>). As root the default is
/// <c>/var/lib/lexintel</c>, because PostgreSQL runs as the <c>postgres</c> user, which cannot reach
/// anything under <c>/root</c>.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class LocalDataDirectory
{
    private LocalDataDirectory(string root) => Root = root;

    public string Root { get; }

    public static LocalDataDirectory FromConfiguration(IConfiguration configuration)
    {
        var configured = configuration["LexIntel:DataDirectory"];
        var root = !string.IsNullOrWhiteSpace(configured)
            ? Path.GetFullPath(configured)
            : Environment.IsPrivilegedProcess
                ? "/var/lib/lexintel"
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "lexintel");

        Directory.CreateDirectory(root);
        return new LocalDataDirectory(root);
    }

    public string PathFor(string component) => Path.Combine(Root, component);

    /// <summary>
    /// A password generated on first use and kept beside the data it protects, so a restart with the
    /// same data directory can still log in.
    /// </summary>
    public string ReadOrCreateSecret(string name)
    {
        var secrets = Directory.CreateDirectory(PathFor("secrets"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var file = Path.Combine(secrets.FullName, name);
        if (File.Exists(file))
        {
            return File.ReadAllText(file).Trim();
        }

        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        File.WriteAllText(file, secret);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return secret;
    }
}
