using System.Globalization;
using System.Text;
using CsCheck;
using LexIntel.WorkerService.Extraction;

namespace LexIntel.Tests.Unit.Extraction;

/// <summary>Whatever a parser returns comes out storable (no NUL, no unpaired surrogate), in Unicode's composed form, with its line breaks.</summary>
[Tier(TestTier.Unit)]
public sealed class TextNormalizationTests
{
    [Theory]
    [InlineData("Smith\0 v.\0 Jones", "Smith v. Jones")]
    [InlineData("line one\vline two\u0085three\u2028four\u2029five", "line one\nline two\nthree\nfour\nfive")]
    [InlineData("bell\a escape\u001b delete\u007f c1\u0090 nonchar\uFFFF", "bell escape delete c1 nonchar")]
    [InlineData("tab\tcr\r\nform feed\fkept", "tab\tcr\r\nform feed\fkept")]
    [InlineData("Cafe\u0301 and re\u0301sume\u0301", "Café and résumé")]
    public void Text_is_made_storable_and_composed(string raw, string expected) =>
        Assert.Equal(expected, TextNormalization.Normalize(raw));

    [Fact]
    public void An_unpaired_surrogate_becomes_the_replacement_character_and_a_pair_stays()
    {
        // Built here: test data cannot carry an unpaired surrogate (it is replaced on the way).
        var raw = "lone " + '\uD83D' + " high, lone " + '\uDE00' + " low, pair \uD83D\uDE00 and at the end " + '\uD83D';

        Assert.Equal("lone \uFFFD high, lone \uFFFD low, pair 😀 and at the end \uFFFD", TextNormalization.Normalize(raw));
    }

    [Fact]
    public void Clean_composed_text_is_returned_as_it_is()
    {
        var text = "The court held in 410 U.S. 113, § 1983 — “so”.";

        Assert.Same(text, TextNormalization.Normalize(text));
    }

    [Fact]
    public void Any_sequence_of_utf16_code_units_comes_out_encodable_composed_without_dropped_controls_and_stays_so() =>
        Gen.Char.Array[0, 400].Select(chars => new string(chars)).Sample(raw =>
        {
            var normalized = TextNormalization.Normalize(raw);

            Assert.True(IsEncodable(normalized), "an unpaired surrogate is left");
            Assert.True(normalized.IsNormalized(NormalizationForm.FormC));
            Assert.DoesNotContain(normalized, c => char.GetUnicodeCategory(c) == UnicodeCategory.Control && c is not ('\t' or '\n' or '\r' or '\f'));
            Assert.Equal(normalized, TextNormalization.Normalize(normalized));
        });

    private static bool IsEncodable(string text)
    {
        try
        {
            _ = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetBytes(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
