using LexIntel.Shared.Queue;
using LexIntel.WorkerService.Extraction;
using LexIntel.WorkerService.Ocr;
using Microsoft.Extensions.Options;

namespace LexIntel.WorkerService.Sandbox;

/// <summary>
/// Parses, and runs the OCR tools, in a sandbox process: a file that exhausts memory or CPU time,
/// overflows a stack or crashes a parser ends the sandbox, not the worker, and fails for good with
/// a stable code (<see cref="SandboxFailures"/>). Cancelling the job (its time limit, the worker's
/// shutdown) kills the sandbox and its tools, so no parser keeps running for a job given up.
/// </summary>
internal sealed partial class SandboxedExtraction(
    SandboxPool pool,
    IOptions<SandboxOptions> options,
    IOptions<ExtractionLimits> limits,
    ILogger<SandboxedExtraction> logger) : ITextExtraction
{
    public async Task<ExtractedDocument> ExtractAsync(string contentType, FileStream file, CancellationToken cancellationToken)
    {
        var request = new SandboxRequest(contentType, file.Name, limits.Value);
        var reply = await InSandboxAsync(sandbox => sandbox.ExtractAsync(request, options.Value.CpuSeconds, cancellationToken), cancellationToken);
        return reply is SandboxReply.Extracted(var document) ? document : throw Unexpected(reply);
    }

    public async Task RecognizeAsync(string contentType, FileStream file, IReadOnlyList<int> pages, OcrOptions settings, Func<ExtractedPage, Task> onPage, CancellationToken cancellationToken)
    {
        var request = new OcrRequest(contentType, file.Name, pages, settings);
        var reply = await InSandboxAsync(sandbox => sandbox.RecognizeAsync(request, options.Value.CpuSeconds, onPage, cancellationToken), cancellationToken);
        if (reply is not SandboxReply.Recognized)
        {
            throw Unexpected(reply);
        }
    }

    /// <summary>Runs one request in a warm sandbox; the refusals and ends every request can meet become the file's failures.</summary>
    private async Task<SandboxReply> InSandboxAsync(Func<SandboxProcess, Task<SandboxReply>> exchange, CancellationToken cancellationToken)
    {
        SandboxProcess sandbox;
        try
        {
            sandbox = await pool.RentAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new RetryableJobException("the extraction sandbox could not be started", ex);
        }

        SandboxReply reply;
        try
        {
            reply = await exchange(sandbox);
        }
        catch (SandboxEndedException ex)
        {
            sandbox.Dispose();
            var failure = SandboxFailures.For(ex.End, options.Value);
            LogEnded(ex, sandbox.Id, failure.Code);
            throw failure;
        }
        catch
        {
            sandbox.Dispose();
            throw;
        }

        if (reply is SandboxReply.OutOfMemory)
        {
            sandbox.Dispose();
        }
        else
        {
            pool.Return(sandbox);
        }

        return reply switch
        {
            SandboxReply.Refused(var code, var reason) => throw new PermanentJobException(code, reason),
            SandboxReply.OutOfMemory => throw SandboxFailures.MemoryExceeded(options.Value.MemoryLimitMiB),
            SandboxReply.Failed(var error) => throw new ParserFailedException(error),
            _ => reply,
        };
    }

    private static InvalidOperationException Unexpected(SandboxReply reply) => new($"The sandbox replied {reply}.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Extraction sandbox {Pid} ended while parsing a file, which fails as {Code}")]
    private partial void LogEnded(Exception exception, int pid, string code);
}
