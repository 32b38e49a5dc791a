using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace LexIntel.Shared.Storage;

internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    /// <summary>Azure's rule for container names: 3–63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.</summary>
    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerName();

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!ContainerName().IsMatch(options.Container ?? string.Empty))
        {
            failures.Add($"LexIntel:Storage:Container '{options.Container}' is not a blob container name: 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.");
        }

        // Azure takes blocks up to 4,000 MiB; beyond 100 MiB one upload would hold more memory than the API's whole budget.
        if (options.BlockSize is < 64 * 1024 or > 100 * 1024 * 1024)
        {
            failures.Add($"LexIntel:Storage:BlockSize {options.BlockSize} must be between 65536 (64 KiB) and 104857600 (100 MiB).");
        }

        if (options.MaxConcurrentBlocks is < 1 or > 16)
        {
            failures.Add($"LexIntel:Storage:MaxConcurrentBlocks {options.MaxConcurrentBlocks} must be between 1 and 16.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
