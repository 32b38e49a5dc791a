using System.Diagnostics;
using System.Text;
using LexIntel.Shared.Documents;
using LexIntel.Shared.Queue;
using LexIntel.Tests.Infrastructure;
using LexIntel.WorkerService.Extraction;
using LexIntel.WorkerService.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LexIntel.Tests.Integration.Sandbox;

/// <summary>
/// Real sandbox processes (the worker's own build output) given real hostile files, with the
/// extraction limits that would have stopped them turned up so that only the sandbox's own limits
/// remain: each file ends its sandbox with the failure it names, and the next file is parsed.
/// </summary>
[Tier(TestTier.Integration)]
public sealed class SandboxedExtractionTests
{
    private static readonly byte[] Note = "Counsel relies on 42 U.S.C. § 1983."u8.ToArray();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_corpus_and_an_email_with_attachments_extract_through_the_sandbox_exactly_as_in_the_worker()
    {
        // The worker's own registration, so that no format is left out of the comparison.
        var inProcess = new ServiceCollection().AddSingleton(Options.Create(new ExtractionLimits())).AddDocumentExtractors().BuildServiceProvider().GetRequiredService<DocumentExtractors>();
        using var sandboxed = new Sandboxed(new SandboxOptions(), new ExtractionLimits());
        var files = TestData.UploadableCourtDocuments().Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).Append(("opinion.eml", SampleEmail.Build())).Append(("claim.rtf", SampleRtf.Claim())).ToList();
        var compared = 0;
        var (inWorker, inSandbox) = (TimeSpan.Zero, TimeSpan.Zero);

        // Twice: the second round times both sides warm, as a worker parses after its first files.
        for (var round = 0; round < 2; round++)
        {
            foreach (var (name, bytes) in files)
            {
                using var sniffed = new MemoryStream(bytes);
                if (ContentSniffer.Sniff(sniffed, name) is not { } contentType)
                {
                    continue;
                }

                var clock = Stopwatch.StartNew();
                var expected = Outcome(() => inProcess.Extract(contentType, new MemoryStream(bytes), Cancel));
                var workerTime = clock.Elapsed;
                clock.Restart();
                var actual = await OutcomeAsync(() => sandboxed.ExtractAsync(contentType, bytes));
                if (round == 1)
                {
                    (inWorker, inSandbox) = (inWorker + workerTime, inSandbox + clock.Elapsed);
                    compared++;
                }

                Assert.True(expected == actual, $"{name}: in the worker {expected}, in the sandbox {actual}");
            }
        }

        Assert.True(compared >= 10, $"only {compared} files compared");
        Assert.Equal(1, sandboxed.Started);
        TestContext.Current.SendDiagnosticMessage(
            $"{compared} files parsed warm: in the worker {inWorker.TotalMilliseconds:N0} ms, in the sandbox {inSandbox.TotalMilliseconds:N0} ms ({string.Join("; ", sandboxed.Log)})");
    }

    [Fact]
    public async Task A_file_that_exhausts_the_sandboxs_memory_fails_as_too_large_naming_the_sandbox_limit_and_the_next_file_is_parsed()
    {
        using var sandboxed = new Sandboxed(
            new SandboxOptions { MemoryLimitMiB = 128 },
            new ExtractionLimits { MaxDecompressedBytes = 4L * 1024 * 1024 * 1024, MaxCharacters = ExtractionLimitsValidator.MaxCharactersCeiling });

        // 60 M characters, held as a string twice the size, and more while they are gathered.
        var failure = await Assert.ThrowsAsync<PermanentJobException>(() => sandboxed.ExtractAsync(DocumentContentTypes.Docx, HostileFiles.ZipBombDocx()));

        Assert.Equal(ExtractionFailures.TooLargeCode, failure.Code);
        Assert.Contains("128 MiB of memory the extraction sandbox allows (LexIntel:Sandbox:MemoryLimitMiB)", failure.Message, StringComparison.Ordinal);
        await AssertTheNextFileIsParsedAsync(sandboxed);
    }

    [Fact]
    public async Task A_file_that_overflows_a_parsers_stack_fails_as_crashed_and_the_next_file_is_parsed()
    {
        using var sandboxed = new Sandboxed(new SandboxOptions(), new ExtractionLimits { MaxEmailDepth = int.MaxValue });

        var failure = await Assert.ThrowsAsync<PermanentJobException>(() => sandboxed.ExtractAsync(DocumentContentTypes.Email, HostileFiles.DeeplyNestedEmail(200_000)));

        Assert.True(failure.Code == SandboxFailures.CrashedCode, failure.Message);
        Assert.True(failure.Message.StartsWith("the file crashed the extraction sandbox (it overflowed the parser's stack)", StringComparison.Ordinal), failure.Message);
        await AssertTheNextFileIsParsedAsync(sandboxed);
    }

    [Fact]
    public async Task A_file_that_takes_longer_than_the_sandboxs_cpu_time_fails_as_timed_out_and_the_next_file_is_parsed()
    {
        using var sandboxed = new Sandboxed(new SandboxOptions { CpuSeconds = 1 }, new ExtractionLimits { MaxHtmlDepth = int.MaxValue - 1 });
        var clock = Stopwatch.StartNew();

        // 100,000 levels: minutes of parsing for AngleSharp, whose cost grows with the square of the depth.
        var failure = await Assert.ThrowsAsync<PermanentJobException>(() => sandboxed.ExtractAsync(DocumentContentTypes.Html, HostileFiles.DeeplyNestedHtml(100_000)));

        Assert.Equal(JobFailure.TimedOutCode, failure.Code);
        Assert.Contains("1 seconds of CPU time the extraction sandbox allows (LexIntel:Sandbox:CpuSeconds)", failure.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        await AssertTheNextFileIsParsedAsync(sandboxed);
    }

    [Fact]
    public async Task A_sandbox_is_replaced_after_its_documents_per_process()
    {
        using var sandboxed = new Sandboxed(new SandboxOptions { DocumentsPerProcess = 2 }, new ExtractionLimits());

        for (var i = 0; i < 5; i++)
        {
            Assert.Single((await sandboxed.ExtractAsync(DocumentContentTypes.PlainText, Note)).Pages);
        }

        Assert.Equal(3, sandboxed.Started);
    }

    [Fact]
    public async Task Cancelling_the_job_kills_its_sandbox_at_once()
    {
        var options = new SandboxOptions();
        using var sandbox = await SandboxProcess.StartAsync(options, Cancel);
        using var file = ScratchFile.Of(HostileFiles.DeeplyNestedHtml(100_000));
        using var job = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        job.CancelAfter(TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sandbox.ExtractAsync(
            new SandboxRequest(DocumentContentTypes.Html, file.Name, new ExtractionLimits { MaxHtmlDepth = int.MaxValue - 1 }), options.CpuSeconds, job.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.True(sandbox.HasExited);
    }

    private static async Task AssertTheNextFileIsParsedAsync(Sandboxed sandboxed)
    {
        var document = await sandboxed.ExtractAsync(DocumentContentTypes.PlainText, Note);
        Assert.Equal(Encoding.UTF8.GetString(Note), Assert.Single(document.Pages).Text);
        Assert.Equal(2, sandboxed.Started);
    }

    private static string Outcome(Func<ExtractedDocument> extract)
    {
        try
        {
            return Describe(extract());
        }
        catch (PermanentJobException ex)
        {
            return $"failed {ex.Code}: {ex.Message}";
        }
    }

    private static async Task<string> OutcomeAsync(Func<Task<ExtractedDocument>> extract)
    {
        try
        {
            return Describe(await extract());
        }
        catch (PermanentJobException ex)
        {
            return $"failed {ex.Code}: {ex.Message}";
        }
    }

    /// <summary>Everything a document carries: every page's number and text, every attachment's name and bytes, the limit that left any out.</summary>
    private static string Describe(ExtractedDocument document) =>
        string.Join('\u001e', document.Pages.Select(p => $"{p.Number}:{p.Text}"))
        + $"|{string.Join(',', document.Attachments.Select(a => $"{a.FileName}:{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(a.Content))}"))}"
        + $"|{document.AttachmentsLeftOut?.Code}:{document.AttachmentsLeftOut?.Message}";

    /// <summary>A pool of sandboxes and the extraction that uses it, counting the sandboxes it starts.</summary>
    private sealed class Sandboxed : IDisposable
    {
        private readonly SandboxPool pool;
        private readonly SandboxedExtraction extraction;
        private readonly RecordingLogger<SandboxPool> poolLog = new();

        public Sandboxed(SandboxOptions options, ExtractionLimits limits)
        {
            pool = new SandboxPool(Options.Create(options), TimeProvider.System, poolLog);
            extraction = new SandboxedExtraction(pool, Options.Create(options), Options.Create(limits), NullLogger<SandboxedExtraction>.Instance);
        }

        public IReadOnlyCollection<string> Log => poolLog.Messages;

        /// <summary>Sandbox processes started so far.</summary>
        public int Started => poolLog.Messages.Count(m => m.Contains(" started in ", StringComparison.Ordinal));

        public async Task<ExtractedDocument> ExtractAsync(string contentType, byte[] content)
        {
            await using var file = ScratchFile.Of(content);
            return await extraction.ExtractAsync(contentType, file, Cancel);
        }

        public void Dispose() => pool.Dispose();
    }
}
