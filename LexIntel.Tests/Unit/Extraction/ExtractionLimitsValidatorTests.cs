using LexIntel.WorkerService.Extraction;

namespace LexIntel.Tests.Unit.Extraction;

[Tier(TestTier.Unit)]
public sealed class ExtractionLimitsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new ExtractionLimitsValidator().Validate(null, new ExtractionLimits()).Succeeded);
    }

    [Fact]
    public void Limits_that_refuse_every_file_or_bound_nothing_are_refused_with_their_keys()
    {
        var limits = new ExtractionLimits { MaxPdfPages = 0, MaxHtmlDepth = 20_000, MaxAttachments = -1, MaxEmailDepth = 5_000, MaxCharacters = 2_000_000_000, MaxDecompressedBytes = 1_000 };

        var result = new ExtractionLimitsValidator().Validate(null, limits);

        Assert.Equal(
            [
                "LexIntel:Extraction:MaxPdfPages must be at least 1.",
                "LexIntel:Extraction:MaxCharacters must be at most 1000000000.",
                "LexIntel:Extraction:MaxDecompressedBytes must be at least 1048576.",
                "LexIntel:Extraction:MaxHtmlDepth must be at most 5000.",
                "LexIntel:Extraction:MaxAttachments must be at least 1.",
                "LexIntel:Extraction:MaxEmailDepth must be at most 1024.",
            ],
            result.Failures);
    }

    [Fact]
    public void Converters_without_time_or_with_too_little_memory_to_start_are_refused_with_their_keys()
    {
        var limits = new ExtractionLimits { ConverterTimeoutSeconds = 0, ConverterMemoryMiB = 8 };

        var result = new ExtractionLimitsValidator().Validate(null, limits);

        Assert.Equal(
            [
                "LexIntel:Extraction:ConverterTimeoutSeconds must be at least 1.",
                "LexIntel:Extraction:ConverterMemoryMiB must be at least 16.",
            ],
            result.Failures);
    }
}
