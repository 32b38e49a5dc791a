using System.Buffers;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace LexIntel.WorkerService.Extraction;

/// <summary>
/// What a PDF stream will decode to, counted without keeping the output, for the filters that
/// expand their input: deflate up to 1,032 times, LZW a few thousand times, run-length 64 times.
/// Counting stops just past <c>cap</c>, so a bomb costs the time to inflate the limit and no memory.
/// Damaged data ends the count where it starts, as PdfPig keeps only what decodes before it.
/// </summary>
internal static class PdfDecodedLength
{
    private const int BlockLength = 64 * 1024;

    private const int LzwClearTable = 256;
    private const int LzwEndOfData = 257;
    private const int LzwFirstCode = 258;
    private const int LzwMaxCodes = 4096;
    private const int LzwMaxWidth = 12;

    /// <summary>Codes counted between two looks at the token.</summary>
    private const int LzwCodesPerCheck = 64 * 1024;

    public static long Inflated(Memory<byte> input, long cap, CancellationToken cancellationToken)
    {
        // PdfPig skips the two-byte zlib header and inflates the raw deflate data after it.
        const int HeaderLength = 2;
        if (input.Length <= HeaderLength)
        {
            return 0;
        }

        using var compressed = MemoryMarshal.TryGetArray<byte>(input[HeaderLength..], out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(input[HeaderLength..].ToArray(), writable: false);
        using var deflate = new DeflateStream(compressed, CompressionMode.Decompress);
        var buffer = ArrayPool<byte>.Shared.Rent(BlockLength);
        try
        {
            long total = 0;
            while (total <= cap)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int read;
                try
                {
                    read = deflate.Read(buffer, 0, BlockLength);
                }
                catch (InvalidDataException)
                {
                    break;
                }

                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// LZW as PDF writes it (codes of 9 to 12 bits, most significant bit first). Only the length
    /// of each table entry is tracked: an entry is one byte longer than the entry decoded before it.
    /// </summary>
    public static long Lzw(ReadOnlySpan<byte> input, int earlyChange, long cap, CancellationToken cancellationToken)
    {
        var lengths = new int[LzwMaxCodes];
        var next = LzwFirstCode;
        var width = 9;
        var previous = 0;
        var codes = 0;
        long total = 0;
        long position = 0;
        var bits = (long)input.Length * 8;
        while (position + width <= bits && total <= cap)
        {
            if (++codes % LzwCodesPerCheck == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var code = ReadBits(input, position, width);
            position += width;
            if (code == LzwClearTable)
            {
                next = LzwFirstCode;
                width = 9;
                previous = 0;
                continue;
            }

            if (code == LzwEndOfData)
            {
                break;
            }

            var length = code < LzwClearTable ? 1
                : code < next ? lengths[code]
                : code == next && previous > 0 ? previous + 1
                : 0;
            if (length == 0)
            {
                break;
            }

            total += length;
            if (previous > 0 && next < LzwMaxCodes)
            {
                lengths[next++] = previous + 1;
            }

            previous = length;
            if (next + earlyChange >= 1 << width && width < LzwMaxWidth)
            {
                width++;
            }
        }

        return total;
    }

    public static long RunLength(ReadOnlySpan<byte> input, long cap)
    {
        const int EndOfData = 128;
        long total = 0;
        for (var i = 0; i < input.Length && total <= cap;)
        {
            var length = input[i++];
            if (length == EndOfData)
            {
                break;
            }

            // Below 128: that many bytes plus one follow as they are; above: the next byte, 257 − n times.
            total += length < EndOfData ? length + 1 : 257 - length;
            i += length < EndOfData ? length + 1 : 1;
        }

        return total;
    }

    private static int ReadBits(ReadOnlySpan<byte> input, long position, int count)
    {
        var value = 0;
        for (var i = position; i < position + count; i++)
        {
            value = (value << 1) | ((input[(int)(i >> 3)] >> (7 - (int)(i & 7))) & 1);
        }

        return value;
    }
}
