using Microsoft.Extensions.Options;

namespace LexIntel.ApiService.Limits;

/// <summary>Refuses, at start, limits that would shut everyone out or could never apply, naming the key.</summary>
internal sealed class RateLimitsOptionsValidator : IValidateOptions<RateLimitsOptions>
{
    public static TimeSpan MinWindow { get; } = TimeSpan.FromSeconds(1);

    public static TimeSpan MaxWindow { get; } = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, RateLimitsOptions options)
    {
        var failures = new List<string>();
        foreach (var (policy, limit) in options.ByPolicy())
        {
            var key = $"{RateLimitsOptions.SectionName}:{policy}";
            if (limit.PerUser < 1)
            {
                failures.Add($"{key}:PerUser must be at least 1.");
            }

            if (limit.PerTenant < limit.PerUser)
            {
                failures.Add($"{key}:PerTenant must be at least PerUser ({limit.PerUser}): a tenant's users share it.");
            }

            if (limit.Window < MinWindow || limit.Window > MaxWindow)
            {
                failures.Add($"{key}:Window must be between {MinWindow} and {MaxWindow}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
