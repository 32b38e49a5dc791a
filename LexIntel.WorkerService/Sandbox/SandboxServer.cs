using LexIntel.Shared.Queue;
using LexIntel.WorkerService.Extraction;
using LexIntel.WorkerService.Ocr;
using Microsoft.Extensions.Options;

namespace LexIntel.WorkerService.Sandbox;

/// <summary>
/// The sandbox's side: the worker's own executable started with <see cref="Argument"/>, serving
/// requests until its input closes. It builds no host, reads no configuration and opens no
/// connection: all it knows is the request and the file it names.
/// </summary>
internal static class SandboxServer
{
    public const string Argument = "sandbox";

    public static bool IsRequested(string[] args) => args is [Argument];

    public static void Run()
    {
        using var requests = Console.OpenStandardInput();
        using var replies = Console.OpenStandardOutput();

        // Standard output carries the protocol: anything a library prints goes to the error stream.
        Console.SetOut(Console.Error);
        SandboxProtocol.WriteReady(replies);
        string? limitsSeen = null;
        DocumentExtractors? extractors = null;
        while (SandboxProtocol.ReadRequest(requests) is { } next)
        {
            SandboxReply reply;
            if (next is OcrRequest ocr)
            {
                reply = Recognize(ocr, replies);
            }
            else
            {
                var request = (SandboxRequest)next;
                var limits = System.Text.Json.JsonSerializer.Serialize(request.Limits);
                if (limits != limitsSeen)
                {
                    extractors = Extractors(request.Limits);
                    limitsSeen = limits;
                }

                reply = Extract(extractors!, request);
            }

            SandboxProtocol.WriteReply(replies, reply);
            if (reply is SandboxReply.OutOfMemory)
            {
                return;
            }
        }
    }

    private static DocumentExtractors Extractors(ExtractionLimits limits) =>
        new ServiceCollection()
            .AddSingleton(Options.Create(limits))
            .AddDocumentExtractors()
            .BuildServiceProvider()
            .GetRequiredService<DocumentExtractors>();

    /// <summary>Cancellation is the worker's: it ends this process rather than asking.</summary>
    private static SandboxReply Extract(DocumentExtractors extractors, SandboxRequest request) => Answer(() =>
    {
        using var file = new FileStream(request.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new SandboxReply.Extracted(extractors.Extract(request.ContentType, file, CancellationToken.None));
    });

    private static SandboxReply Answer(Func<SandboxReply> work)
    {
        try
        {
            return work();
        }
        catch (Exception ex) when (RanOutOfMemory(ex))
        {
            return new SandboxReply.OutOfMemory();
        }
        catch (PermanentJobException ex)
        {
            return new SandboxReply.Refused(ex.Code, ex.Message);
        }
        catch (Exception ex)
        {
            return new SandboxReply.Failed($"{ex.GetType().FullName}: {ex.Message}");
        }
    }

    /// <summary>
    /// The tools run as this process's children, within its environment and folder: killing the
    /// sandbox kills them. Each page is sent as soon as it is recognized, so the worker can report it.
    /// </summary>
    private static SandboxReply Recognize(OcrRequest request, Stream replies) => Answer(() =>
    {
        PageRecognizer.RecognizeAsync(
            request,
            page =>
            {
                SandboxProtocol.WriteReply(replies, new SandboxReply.PageRecognized(page));
                return Task.CompletedTask;
            },
            CancellationToken.None).GetAwaiter().GetResult();
        return new SandboxReply.Recognized();
    });

    /// <summary>A parser may wrap what it caught (PdfPig's format errors carry their cause), so the whole chain is looked at.</summary>
    private static bool RanOutOfMemory(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is OutOfMemoryException)
            {
                return true;
            }
        }

        return false;
    }
}
