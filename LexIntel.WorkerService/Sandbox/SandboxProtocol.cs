using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using LexIntel.Shared.Queue;
using LexIntel.WorkerService.Extraction;
using LexIntel.WorkerService.Ocr;

namespace LexIntel.WorkerService.Sandbox;

/// <summary>
/// The messages between the worker and a sandbox over the sandbox's standard input and output:
/// each a 4-byte little-endian length and that many bytes, written with <see cref="BinaryWriter"/>.
/// The sandbox sends one message when it is ready, then one reply per request (after an OCR
/// request's pages, each sent as it is recognized); the worker closing the sandbox's input ends it.
/// </summary>
internal static class SandboxProtocol
{
    /// <summary>The ready message's one byte; a sandbox of another build would answer another.</summary>
    private const byte Version = 3;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private enum RequestKind : byte
    {
        Extract,
        Recognize,
    }

    private enum ReplyKind : byte
    {
        Extracted,
        Refused,
        OutOfMemory,
        Failed,
        PageRecognized,
        Recognized,
    }

    public static void WriteReady(Stream output) => WriteFrame(output, [Version]);

    public static async Task ReadReadyAsync(Stream input, CancellationToken cancellationToken)
    {
        var frame = await ReadFrameAsync(input, cancellationToken) ?? throw new EndOfStreamException("The sandbox ended before it was ready.");
        if (frame is not [Version])
        {
            throw new InvalidDataException("The sandbox speaks another version of the protocol.");
        }
    }

    public static Task WriteRequestAsync(Stream output, SandboxRequest request, CancellationToken cancellationToken) =>
        WriteFrameAsync(output, Build(w =>
        {
            w.Write((byte)RequestKind.Extract);
            w.Write(request.ContentType);
            w.Write(request.Path);
            w.Write(JsonSerializer.Serialize(request.Limits));
        }), cancellationToken);

    public static Task WriteRequestAsync(Stream output, OcrRequest request, CancellationToken cancellationToken) =>
        WriteFrameAsync(output, Build(w =>
        {
            w.Write((byte)RequestKind.Recognize);
            w.Write(request.ContentType);
            w.Write(request.Path);
            w.Write(request.Pages.Count);
            foreach (var page in request.Pages)
            {
                w.Write(page);
            }

            w.Write(JsonSerializer.Serialize(request.Settings));
        }), cancellationToken);

    /// <summary>The next request, a <see cref="SandboxRequest"/> or an <see cref="OcrRequest"/>; null once the worker has closed the input.</summary>
    public static object? ReadRequest(Stream input)
    {
        var frame = ReadFrameAsync(input, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        if (frame is null)
        {
            return null;
        }

        using var reader = Reader(frame);
        switch ((RequestKind)reader.ReadByte())
        {
            case RequestKind.Extract:
                return new SandboxRequest(reader.ReadString(), reader.ReadString(), JsonSerializer.Deserialize<ExtractionLimits>(reader.ReadString())!);
            case RequestKind.Recognize:
                var contentType = reader.ReadString();
                var path = reader.ReadString();
                var pages = new int[reader.ReadInt32()];
                for (var i = 0; i < pages.Length; i++)
                {
                    pages[i] = reader.ReadInt32();
                }

                return new OcrRequest(contentType, path, pages, JsonSerializer.Deserialize<OcrOptions>(reader.ReadString())!);
            default:
                throw new InvalidDataException("The worker sent a request of no known kind.");
        }
    }

    public static void WriteReply(Stream output, SandboxReply reply) => WriteFrame(output, Build(w =>
    {
        switch (reply)
        {
            case SandboxReply.Extracted(var document):
                w.Write((byte)ReplyKind.Extracted);
                w.Write(document.Pages.Count);
                foreach (var page in document.Pages)
                {
                    w.Write(page.Number);
                    w.Write(page.Text);
                    w.Write(page.NeedsOcr);
                    w.Write(page.ByOcr);
                }

                w.Write(document.Attachments.Count);
                foreach (var attachment in document.Attachments)
                {
                    w.Write(attachment.FileName);
                    w.Write(attachment.Content.Length);
                    w.Write(attachment.Content);
                }

                w.Write(document.AttachmentsLeftOut is not null);
                if (document.AttachmentsLeftOut is { } leftOut)
                {
                    w.Write(leftOut.Code);
                    w.Write(leftOut.Message);
                }

                break;
            case SandboxReply.Refused(var code, var reason):
                w.Write((byte)ReplyKind.Refused);
                w.Write(code);
                w.Write(reason);
                break;
            case SandboxReply.OutOfMemory:
                w.Write((byte)ReplyKind.OutOfMemory);
                break;
            case SandboxReply.Failed(var error):
                w.Write((byte)ReplyKind.Failed);
                w.Write(error);
                break;
            case SandboxReply.PageRecognized(var page):
                w.Write((byte)ReplyKind.PageRecognized);
                w.Write(page.Number);
                w.Write(page.Text);
                break;
            case SandboxReply.Recognized:
                w.Write((byte)ReplyKind.Recognized);
                break;
        }
    }));

    /// <summary>The (next) reply to the request sent last; <see cref="EndOfStreamException"/> if the sandbox ended instead.</summary>
    public static async Task<SandboxReply> ReadReplyAsync(Stream input, CancellationToken cancellationToken)
    {
        var frame = await ReadFrameAsync(input, cancellationToken) ?? throw new EndOfStreamException("The sandbox ended without replying.");
        using var reader = Reader(frame);
        switch ((ReplyKind)reader.ReadByte())
        {
            case ReplyKind.Extracted:
                var pages = new ExtractedPage[reader.ReadInt32()];
                for (var i = 0; i < pages.Length; i++)
                {
                    pages[i] = new ExtractedPage(reader.ReadInt32(), reader.ReadString(), reader.ReadBoolean(), reader.ReadBoolean());
                }

                var attachments = new ExtractedAttachment[reader.ReadInt32()];
                for (var i = 0; i < attachments.Length; i++)
                {
                    attachments[i] = new ExtractedAttachment(reader.ReadString(), reader.ReadBytes(reader.ReadInt32()));
                }

                var leftOut = reader.ReadBoolean() ? new PermanentJobException(reader.ReadString(), reader.ReadString()) : null;
                return new SandboxReply.Extracted(new ExtractedDocument(pages, attachments, leftOut));
            case ReplyKind.Refused:
                return new SandboxReply.Refused(reader.ReadString(), reader.ReadString());
            case ReplyKind.OutOfMemory:
                return new SandboxReply.OutOfMemory();
            case ReplyKind.Failed:
                return new SandboxReply.Failed(reader.ReadString());
            case ReplyKind.PageRecognized:
                return new SandboxReply.PageRecognized(new ExtractedPage(reader.ReadInt32(), reader.ReadString(), NeedsOcr: false, ByOcr: true));
            case ReplyKind.Recognized:
                return new SandboxReply.Recognized();
            default:
                throw new InvalidDataException("The sandbox replied with a message of no known kind.");
        }
    }

    private static byte[] Build(Action<BinaryWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Utf8, leaveOpen: true))
        {
            write(writer);
        }

        return buffer.ToArray();
    }

    private static BinaryReader Reader(byte[] frame) => new(new MemoryStream(frame, writable: false), Utf8);

    private static void WriteFrame(Stream output, byte[] payload)
    {
        Span<byte> length = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(length, payload.Length);
        output.Write(length);
        output.Write(payload);
        output.Flush();
    }

    private static async Task WriteFrameAsync(Stream output, byte[] payload, CancellationToken cancellationToken)
    {
        var length = new byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(length, payload.Length);
        await output.WriteAsync(length, cancellationToken);
        await output.WriteAsync(payload, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    /// <summary>The next message, or null if the stream ends before one begins.</summary>
    private static async ValueTask<byte[]?> ReadFrameAsync(Stream input, CancellationToken cancellationToken)
    {
        var length = new byte[sizeof(int)];
        if (await input.ReadAtLeastAsync(length, length.Length, throwOnEndOfStream: false, cancellationToken) < length.Length)
        {
            return null;
        }

        var size = BinaryPrimitives.ReadInt32LittleEndian(length);
        if (size < 0)
        {
            throw new InvalidDataException("The sandbox sent a message of negative length.");
        }

        var payload = new byte[size];
        await input.ReadExactlyAsync(payload, cancellationToken);
        return payload;
    }
}
