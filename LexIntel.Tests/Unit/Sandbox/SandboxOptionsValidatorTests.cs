using LexIntel.WorkerService.Sandbox;

namespace LexIntel.Tests.Unit.Sandbox;

[Tier(TestTier.Unit)]
public sealed class SandboxOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new SandboxOptionsValidator().Validate(null, new SandboxOptions()).Succeeded);
    }

    [Fact]
    public void Settings_under_which_no_sandbox_could_parse_are_refused_with_their_keys()
    {
        var options = new SandboxOptions { MemoryLimitMiB = 64, CpuSeconds = 0, DocumentsPerProcess = 0, RecycleAboveMiB = -1 };

        var result = new SandboxOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "LexIntel:Sandbox:MemoryLimitMiB must be at least 128.",
                "LexIntel:Sandbox:CpuSeconds must be at least 1.",
                "LexIntel:Sandbox:DocumentsPerProcess must be at least 1.",
                "LexIntel:Sandbox:RecycleAboveMiB must be at least 1.",
            ],
            result.Failures);
    }
}
