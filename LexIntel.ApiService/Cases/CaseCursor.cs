using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace LexIntel.ApiService.Cases;

/// <summary>
/// Keyset position in the newest-first case list. Opaque to clients, and stable when cases are
/// added while someone pages (unlike an offset).
/// </summary>
internal readonly record struct CaseCursor(DateTimeOffset CreatedAt, Guid Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{Id:N}"));

    public static bool TryDecode(string value, out CaseCursor cursor)
    {
        cursor = default;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(value);
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(bytes).Split(':');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(parts[1], "N", out var id))
        {
            return false;
        }

        cursor = new CaseCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}
