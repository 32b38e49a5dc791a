using System.Diagnostics;
using System.Text;
using LexIntel.Tests.Infrastructure;
using LexIntel.WorkerService.Extraction.Tools;

namespace LexIntel.Tests.Integration.Tools;

/// <summary>The runner of the OCR and conversion tools, with real programs of the machine's.</summary>
[Tier(TestTier.Integration)]
public sealed class ToolProcessTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("lexintel-tool-test-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Arguments_reach_the_tool_as_they_are_never_read_by_a_shell()
    {
        const string Hostile = "scan; touch pwned $(touch pwned2) `touch pwned3` | cat > pwned4 \"quoted\" 'single'.pdf";

        var result = await ToolProcess.RunAsync(Command("printf", ["%s|", Hostile, "second"]), Cancel);

        Assert.Equal($"{Hostile}|second|", Encoding.UTF8.GetString(result.Output));
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public async Task The_tool_sees_only_path_locale_and_what_the_command_gives_it()
    {
        Environment.SetEnvironmentVariable("LEXINTEL_TOOL_TEST_SECRET", "connection-string");
        try
        {
            var result = await ToolProcess.RunAsync(Command("env", []) with { Environment = new Dictionary<string, string> { ["OMP_THREAD_LIMIT"] = "1" } }, Cancel);

            var names = Encoding.UTF8.GetString(result.Output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)]).ToHashSet();
            Assert.DoesNotContain("LEXINTEL_TOOL_TEST_SECRET", names);
            Assert.Contains("OMP_THREAD_LIMIT", names);
            Assert.Subset(new HashSet<string> { "PATH", "LANG", "LC_ALL", "HOME", "TMPDIR", "OMP_THREAD_LIMIT" }, names);
        }
        finally
        {
            Environment.SetEnvironmentVariable("LEXINTEL_TOOL_TEST_SECRET", null);
        }
    }

    [Fact]
    public async Task A_tool_past_its_timeout_is_killed_with_the_processes_it_started()
    {
        // Durations no other process on the machine sleeps for, to find these two by.
        var seconds = Random.Shared.Next(100_000, 900_000);
        var clock = Stopwatch.StartNew();

        // The shell starts a child that would outlive it: the whole tree goes.
        var timedOut = await Assert.ThrowsAsync<ToolTimedOutException>(() =>
            ToolProcess.RunAsync(Command("sh", ["-c", $"sleep {seconds} & sleep {seconds + 1}; echo done"]) with { Timeout = TimeSpan.FromMilliseconds(300) }, Cancel));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(TimeSpan.FromMilliseconds(300), timedOut.Timeout);
        Assert.Empty(LiveProcesses.Matching((_, commandLine) => commandLine.StartsWith($"sleep {seconds}", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_tool_that_writes_too_much_is_killed()
    {
        var failure = await Assert.ThrowsAsync<ToolOutputTooLargeException>(() =>
            ToolProcess.RunAsync(Command("yes", ["page"]) with { MaxOutputBytes = 1024 * 1024 }, Cancel));

        Assert.Equal(1024 * 1024, failure.Limit);
    }

    [Fact]
    public async Task A_tool_that_fails_says_why_with_the_end_of_its_error_stream()
    {
        var failure = await Assert.ThrowsAsync<ToolFailedException>(() =>
            ToolProcess.RunAsync(Command("sh", ["-c", "i=0; while [ $i -lt 5000 ]; do echo noise $i >&2; i=$((i+1)); done; echo 'Error: not an image' >&2; exit 3"]), Cancel));

        Assert.Equal(3, failure.ExitCode);
        Assert.EndsWith("Error: not an image", failure.Errors, StringComparison.Ordinal);
        Assert.True(failure.Errors.Length <= 2048, $"{failure.Errors.Length} characters kept");
    }

    [Fact]
    public async Task A_missing_tool_says_it_is_not_installed()
    {
        var missing = await Assert.ThrowsAsync<ToolMissingException>(() => ToolProcess.RunAsync(Command("lexintel-no-such-tool", []), Cancel));

        Assert.Contains("scripts/setup.sh", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_past_the_size_limit_cannot_be_written()
    {
        var failure = await Assert.ThrowsAsync<ToolFailedException>(() =>
            ToolProcess.RunAsync(Command("dd", ["if=/dev/zero", "of=big.bin", "bs=1M", "count=8"]) with { MaxFileBytes = 1024 * 1024 }, Cancel));

        Assert.NotEqual(0, failure.ExitCode);
        Assert.True(new FileInfo(Path.Combine(folder, "big.bin")).Length <= 1024 * 1024);
    }

    [Fact]
    public async Task The_limits_hold_from_the_tools_first_instruction()
    {
        // cat reads its own limits as it starts: a limit set once it runs would come too late for it.
        var result = await ToolProcess.RunAsync(Command("cat", ["/proc/self/limits"]) with { MemoryLimitBytes = 300_000_000, MaxFileBytes = 7_000_000 }, Cancel);

        var limits = Encoding.UTF8.GetString(result.Output).Split('\n').Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"\s{2,}", "|").TrimEnd('|')).ToList();
        Assert.Contains("Max address space|300000000|300000000|bytes", limits);
        Assert.Contains("Max file size|7000000|7000000|bytes", limits);
        Assert.Contains("Max cpu time|30|30|seconds", limits);
        Assert.Contains("Max core file size|0|0|bytes", limits);
    }

    [Fact]
    public async Task Memory_past_the_limit_cannot_be_allocated()
    {
        // Python allocating 512 MiB under a 256 MiB address space: the allocation fails inside the tool.
        var failure = await Assert.ThrowsAsync<ToolFailedException>(() =>
            ToolProcess.RunAsync(Command("python3", ["-c", "b = bytearray(512 * 1024 * 1024)"]) with { MemoryLimitBytes = 256L * 1024 * 1024 }, Cancel));

        Assert.Contains("MemoryError", failure.Errors, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private ToolCommand Command(string program, IReadOnlyList<string> arguments) =>
        new(program, arguments) { WorkingDirectory = folder, Timeout = TimeSpan.FromSeconds(30) };
}
