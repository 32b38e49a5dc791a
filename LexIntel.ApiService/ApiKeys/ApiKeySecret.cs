using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace LexIntel.ApiService.ApiKeys;

/// <summary>
/// The shape of a key, <c>lxk_{prefix}_{secret}</c>: a public prefix to find it by and a secret of
/// 256 random bits, of which only a hash is stored.
/// </summary>
public static class ApiKeySecret
{
    public const string Marker = "lxk";

    public static (string Key, string Prefix, byte[] Hash) Create()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return ($"{Marker}_{prefix}_{secret}", prefix, Hash(secret));
    }

    /// <summary>The prefix and secret of a presented key, or false when it is not shaped like one.</summary>
    public static bool TryParse(string presented, out string prefix, out string secret)
    {
        var parts = presented.Split('_', 3);
        (prefix, secret) = parts.Length == 3 && parts[0] == Marker ? (parts[1], parts[2]) : (string.Empty, string.Empty);
        return prefix.Length > 0 && secret.Length > 0;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool Matches(string secret, byte[] hash) => CryptographicOperations.FixedTimeEquals(Hash(secret), hash);
}
