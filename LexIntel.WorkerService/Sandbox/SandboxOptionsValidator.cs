using Microsoft.Extensions.Options;

namespace LexIntel.WorkerService.Sandbox;

/// <summary>Refuses, at start, sandbox settings under which no sandbox could start or parse, naming the key.</summary>
internal sealed class SandboxOptionsValidator : IValidateOptions<SandboxOptions>
{
    /// <summary>The least measured to start .NET and parse an ordinary file; below it even those would fail as too large.</summary>
    public const int MemoryLimitMiBFloor = 128;

    public ValidateOptionsResult Validate(string? name, SandboxOptions options)
    {
        var failures = new List<string>();
        void AtLeast(string setting, int value, int floor)
        {
            if (value < floor)
            {
                failures.Add($"{SandboxOptions.Key(setting)} must be at least {floor}.");
            }
        }

        AtLeast(nameof(options.MemoryLimitMiB), options.MemoryLimitMiB, MemoryLimitMiBFloor);
        AtLeast(nameof(options.CpuSeconds), options.CpuSeconds, 1);
        AtLeast(nameof(options.DocumentsPerProcess), options.DocumentsPerProcess, 1);
        AtLeast(nameof(options.RecycleAboveMiB), options.RecycleAboveMiB, 1);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
