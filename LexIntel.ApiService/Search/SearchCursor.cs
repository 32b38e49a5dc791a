using System.Buffers.Binary;
using System.Buffers.Text;

namespace LexIntel.ApiService.Search;

/// <summary>
/// Where a results page ended: the last hit's score and chunk id (ties broken by id), bound to
/// the query it came from so it cannot be replayed against another.
/// </summary>
internal readonly record struct SearchCursor(double Score, Guid ChunkId, ulong QueryFingerprint)
{
    private const int Length = sizeof(double) + 16 + sizeof(ulong);

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        BinaryPrimitives.WriteDoubleBigEndian(bytes, Score);
        ChunkId.TryWriteBytes(bytes[8..24], bigEndian: true, out _);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[24..], QueryFingerprint);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string value, out SearchCursor cursor)
    {
        cursor = default;
        Span<byte> bytes = stackalloc byte[Length + 1];
        int written;
        try
        {
            if (!Base64Url.TryDecodeFromChars(value, bytes, out written) || written != Length)
            {
                return false;
            }
        }
        catch (FormatException)
        {
            return false;
        }

        var score = BinaryPrimitives.ReadDoubleBigEndian(bytes);
        if (!double.IsFinite(score))
        {
            return false;
        }

        cursor = new SearchCursor(score, new Guid(bytes[8..24], bigEndian: true), BinaryPrimitives.ReadUInt64BigEndian(bytes[24..Length]));
        return true;
    }
}
