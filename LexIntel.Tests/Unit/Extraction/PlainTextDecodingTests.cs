using System.Text;
using LexIntel.WorkerService.Extraction;

namespace LexIntel.Tests.Unit.Extraction;

[Tier(TestTier.Unit)]
public sealed class PlainTextDecodingTests
{
    static PlainTextDecodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Decode(byte[] bytes) =>
        Assert.Single(new PlainTextExtractor().Extract(new MemoryStream(bytes), TestContext.Current.CancellationToken).Pages).Text;

    [Fact]
    public void A_short_utf8_note_keeps_its_section_sign()
    {
        Assert.Equal("See 42 U.S.C. § 1983.", Decode(Encoding.UTF8.GetBytes("See 42 U.S.C. § 1983.")));
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_dropped()
    {
        Assert.Equal("Käufer", Decode([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("Käufer")]));
    }

    [Fact]
    public void Legacy_windows_1252_text_is_detected()
    {
        var text = "Der Käufer schuldet dem Verkäufer den vereinbarten Kaufpreis gemäß § 433 Abs. 2 BGB; die Übergabe erfolgte später.";

        Assert.Equal(text, Decode(Encoding.GetEncoding(1252).GetBytes(text)));
    }
}
