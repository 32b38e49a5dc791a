using LexIntel.WorkerService.Ocr;

namespace LexIntel.Tests.Unit.Ocr;

[Tier(TestTier.Unit)]
public sealed class OcrOptionsValidatorTests
{
    [Theory]
    [InlineData("eng")]
    [InlineData("eng+deu")]
    [InlineData("chi_sim+eng")]
    public void The_defaults_and_language_lists_are_valid(string languages)
    {
        Assert.True(new OcrOptionsValidator().Validate(null, new OcrOptions { Languages = languages }).Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ENG")]
    [InlineData("eng+")]
    [InlineData("--tessdata-dir /tmp")]
    [InlineData("../../etc/passwd")]
    public void Languages_a_tool_could_read_as_an_option_or_a_path_are_refused(string languages)
    {
        var result = new OcrOptionsValidator().Validate(null, new OcrOptions { Languages = languages });

        Assert.Equal(["LexIntel:Ocr:Languages must be Tesseract language codes joined by '+', such as eng or eng+deu."], result.Failures);
    }

    [Fact]
    public void Settings_no_page_could_be_read_under_are_refused_with_their_keys()
    {
        var options = new OcrOptions { Dpi = 20, PageTimeout = TimeSpan.Zero, Parallelism = 0, MaxPages = 0, MemoryLimitMiB = 64 };

        var result = new OcrOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "LexIntel:Ocr:Dpi must be between 72 and 600.",
                "LexIntel:Ocr:PageTimeout must be between 1 and 3600.",
                "LexIntel:Ocr:Parallelism must be between 1 and 64.",
                "LexIntel:Ocr:MaxPages must be between 1 and 100000.",
                "LexIntel:Ocr:MemoryLimitMiB must be between 128 and 65536.",
            ],
            result.Failures);
    }
}
