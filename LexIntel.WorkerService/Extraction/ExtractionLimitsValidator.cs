using Microsoft.Extensions.Options;

namespace LexIntel.WorkerService.Extraction;

/// <summary>Refuses, at start, limits that would refuse every file or no longer bound anything, naming the key.</summary>
internal sealed class ExtractionLimitsValidator : IValidateOptions<ExtractionLimits>
{
    /// <summary>Parsing costs the square of the nesting depth: 5,000 levels take about a second, 100,000 two minutes.</summary>
    public const int MaxHtmlDepthCeiling = 5_000;

    /// <summary>MimeKit parses nested parts recursively; its own default depth is this, safe for the stack.</summary>
    public const int MaxEmailDepthCeiling = 1_024;

    /// <summary>The text is held in one string, whose length .NET caps a little below this.</summary>
    public const long MaxCharactersCeiling = 1_000_000_000;

    /// <summary>Below this even ordinary files are refused: the fonts of a single page decode to that much.</summary>
    public const long MaxDecompressedBytesFloor = 1024 * 1024;

    /// <summary>Below this a converter cannot load its own program and libraries.</summary>
    public const int ConverterMemoryMiBFloor = 16;

    public ValidateOptionsResult Validate(string? name, ExtractionLimits options)
    {
        var failures = new List<string>();
        void AtLeastOne(string limit, long value)
        {
            if (value < 1)
            {
                failures.Add($"{ExtractionLimits.Key(limit)} must be at least 1.");
            }
        }

        void AtMost(string limit, long value, long ceiling)
        {
            if (value > ceiling)
            {
                failures.Add($"{ExtractionLimits.Key(limit)} must be at most {ceiling}.");
            }
        }

        AtLeastOne(nameof(options.MaxPdfPages), options.MaxPdfPages);
        AtLeastOne(nameof(options.MaxCharacters), options.MaxCharacters);
        AtMost(nameof(options.MaxCharacters), options.MaxCharacters, MaxCharactersCeiling);
        if (options.MaxDecompressedBytes < MaxDecompressedBytesFloor)
        {
            failures.Add($"{ExtractionLimits.Key(nameof(options.MaxDecompressedBytes))} must be at least {MaxDecompressedBytesFloor}.");
        }

        AtLeastOne(nameof(options.MaxHtmlDepth), options.MaxHtmlDepth);
        AtMost(nameof(options.MaxHtmlDepth), options.MaxHtmlDepth, MaxHtmlDepthCeiling);
        AtLeastOne(nameof(options.MaxAttachments), options.MaxAttachments);
        AtLeastOne(nameof(options.MaxAttachmentBytes), options.MaxAttachmentBytes);
        AtLeastOne(nameof(options.MaxEmailDepth), options.MaxEmailDepth);
        AtMost(nameof(options.MaxEmailDepth), options.MaxEmailDepth, MaxEmailDepthCeiling);
        AtLeastOne(nameof(options.ConverterTimeoutSeconds), options.ConverterTimeoutSeconds);
        if (options.ConverterMemoryMiB < ConverterMemoryMiBFloor)
        {
            failures.Add($"{ExtractionLimits.Key(nameof(options.ConverterMemoryMiB))} must be at least {ConverterMemoryMiBFloor}.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
