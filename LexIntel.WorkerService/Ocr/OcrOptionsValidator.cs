using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace LexIntel.WorkerService.Ocr;

/// <summary>Refuses, at start, OCR settings no page could be read under, naming the key.</summary>
internal sealed partial class OcrOptionsValidator : IValidateOptions<OcrOptions>
{
    public ValidateOptionsResult Validate(string? name, OcrOptions options)
    {
        var failures = new List<string>();
        void Between(string setting, double value, double least, double most)
        {
            if (value < least || value > most)
            {
                failures.Add($"{OcrOptions.Key(setting)} must be between {least} and {most}.");
            }
        }

        if (!LanguagesPattern().IsMatch(options.Languages))
        {
            failures.Add($"{OcrOptions.Key(nameof(options.Languages))} must be Tesseract language codes joined by '+', such as eng or eng+deu.");
        }

        Between(nameof(options.Dpi), options.Dpi, 72, 600);
        Between(nameof(options.PageTimeout), options.PageTimeout.TotalSeconds, 1, TimeSpan.FromHours(1).TotalSeconds);
        Between(nameof(options.Parallelism), options.Parallelism, 1, 64);
        Between(nameof(options.MaxPages), options.MaxPages, 1, 100_000);
        Between(nameof(options.MemoryLimitMiB), options.MemoryLimitMiB, 128, 65_536);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Tesseract's codes (<c>eng</c>, <c>chi_sim</c>, <c>osd</c>): nothing a tool could read as an option or a path.</summary>
    [GeneratedRegex(@"^[a-z][a-z_]{1,15}(\+[a-z][a-z_]{1,15})*$")]
    private static partial Regex LanguagesPattern();
}
