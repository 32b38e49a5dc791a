using LexIntel.WorkerService.Extraction;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace LexIntel.Tests.Unit.Extraction;

/// <summary>The lengths measured before decoding agree with what PdfPig's filters then decode.</summary>
[Tier(TestTier.Unit)]
public sealed class PdfDecodedLengthTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void Run_length_counts_literal_and_repeated_runs_up_to_the_end_marker()
    {
        // Three bytes as they are, "x" three times, end, and a run after the end that does not count.
        byte[] encoded = [2, (byte)'a', (byte)'b', (byte)'c', 254, (byte)'x', 128, 200, (byte)'y'];

        Assert.Equal(6, PdfDecodedLength.RunLength(encoded, long.MaxValue));
        Assert.Equal(6, Decode(new RunLengthFilter(), NameToken.RunLengthDecode, encoded));
    }

    [Fact]
    public void Lzw_counts_literals_entries_and_an_entry_used_as_it_is_made()
    {
        // Clear, "A", "B", the entry "AB" (258), the entry being made as it is used (260, "ABA"), end.
        var encoded = NineBitCodes(256, 65, 66, 258, 260, 257);

        Assert.Equal(Decode(new LzwFilter(), NameToken.LzwDecode, encoded), PdfDecodedLength.Lzw(encoded, earlyChange: 1, long.MaxValue, Cancel));
        Assert.Equal(7, PdfDecodedLength.Lzw(encoded, earlyChange: 1, long.MaxValue, Cancel));
    }

    [Fact]
    public void Counting_stops_just_past_the_cap()
    {
        byte[] encoded = [.. Enumerable.Repeat<byte>(129, 1_000).SelectMany(b => new[] { b, (byte)'x' })];

        Assert.Equal(128 * 3, PdfDecodedLength.RunLength(encoded, cap: 300));
    }

    private static long Decode(IFilter filter, NameToken name, byte[] encoded) =>
        filter.Decode(encoded, new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Filter] = name }), DefaultFilterProvider.Instance, 0).Length;

    /// <summary>Packs codes of nine bits each, most significant bit first, as LZW in PDF writes them at first.</summary>
    private static byte[] NineBitCodes(params int[] codes)
    {
        var bytes = new byte[((codes.Length * 9) + 7) / 8];
        var bit = 0;
        foreach (var code in codes)
        {
            for (var i = 8; i >= 0; i--, bit++)
            {
                if (((code >> i) & 1) == 1)
                {
                    bytes[bit / 8] |= (byte)(0x80 >> (bit % 8));
                }
            }
        }

        return bytes;
    }
}
