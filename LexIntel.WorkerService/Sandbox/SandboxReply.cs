using LexIntel.WorkerService.Extraction;

namespace LexIntel.WorkerService.Sandbox;

/// <summary>What a sandbox answers to a request; a sandbox that ends instead answers nothing.</summary>
public abstract record SandboxReply
{
    /// <summary>The file's text and attachments, as the extractor returned them.</summary>
    public sealed record Extracted(ExtractedDocument Document) : SandboxReply;

    /// <summary>One page recognized by OCR; the request's other pages follow, then <see cref="Recognized"/>.</summary>
    public sealed record PageRecognized(ExtractedPage Page) : SandboxReply;

    /// <summary>Every page of an OCR request was recognized (and sent).</summary>
    public sealed record Recognized : SandboxReply;

    /// <summary>The extractor or the OCR refused the file (a <c>PermanentJobException</c>): its code and reason.</summary>
    public sealed record Refused(string Code, string Reason) : SandboxReply;

    /// <summary>The sandbox ran out of memory; it ends after answering, its state being anyone's guess.</summary>
    public sealed record OutOfMemory : SandboxReply;

    /// <summary>An exception no extractor anticipated (its type and message, to be logged).</summary>
    public sealed record Failed(string Error) : SandboxReply;
}
