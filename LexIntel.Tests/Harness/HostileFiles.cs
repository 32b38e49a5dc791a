using System.IO.Compression;
using System.Text;
using MimeKit;

namespace LexIntel.Tests.Harness;

/// <summary>Files built to hurt an ingestion pipeline, made on the fly so the repository holds no binaries.</summary>
public static class HostileFiles
{
    /// <summary>A .docx whose document part inflates to 60 M characters from a few hundred kilobytes.</summary>
    public static byte[] ZipBombDocx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string content)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open());
                writer.Write(content);
            }

            Add("[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            using var document = new StreamWriter(zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open());
            document.Write("""<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>""");
            var block = new string('a', 1_000_000);
            for (var i = 0; i < 60; i++)
            {
                document.Write(block);
            }

            document.Write("</w:t></w:r></w:p></w:body></w:document>");
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// A one-page PDF whose content stream, deflate some 340 times smaller, inflates to
    /// <paramref name="inflatedBytes"/> of text-drawing operators, in whole blocks of 31,775
    /// operators (a little under 1 MiB): 3 MB for a gigabyte.
    /// </summary>
    public static byte[] PdfDecompressionBomb(long inflatedBytes)
    {
        // A block deflated on its own refers back only within itself, so it can be repeated: the
        // stream is one block, ended on a byte boundary by a sync flush, over and over, then an empty
        // final block. Deflating a gigabyte would take seconds; this takes a millisecond. PdfPig
        // inflates the raw deflate data after the zlib header and reads no checksum, so none is written.
        var operators = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("BT /F1 12 Tf 72 720 Td (a) Tj ET\n", 31_775)));
        byte[] block;
        using (var once = new MemoryStream())
        {
            using var deflate = new DeflateStream(once, CompressionLevel.SmallestSize, leaveOpen: true);
            deflate.Write(operators);
            deflate.Flush();
            block = once.ToArray();
        }

        using var content = new MemoryStream();
        content.Write([0x78, 0xDA]);
        for (long inflated = 0; inflated < inflatedBytes; inflated += operators.Length)
        {
            content.Write(block);
        }

        content.Write([0x03, 0x00]);
        return Pdf(
            [
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
            ],
            stream: ($"<< /Length {content.Length} /Filter /FlateDecode >>", content.ToArray()));
    }

    /// <summary>An HTML page whose text sits inside <paramref name="depth"/> nested <c>div</c>s.</summary>
    public static byte[] DeeplyNestedHtml(int depth) => Encoding.ASCII.GetBytes(
        "<html><head><title>Deep</title></head><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "The deepest text." + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>");

    /// <summary>
    /// A short e-mail with <paramref name="count"/> small attachments, each of bytes no format
    /// claims (so each becomes a document failed as unsupported, without a job) and all different
    /// (so none is taken for a copy of another).
    /// </summary>
    public static byte[] EmailWithAttachments(int count)
    {
        var body = new BodyBuilder { TextBody = $"Here are the {count} exhibits." };
        for (var i = 0; i < count; i++)
        {
            body.Attachments.Add($"exhibit-{i + 1}.bin", [0x00, 0xFF, 0x13, .. BitConverter.GetBytes(i), .. new byte[200]], new ContentType("application", "octet-stream"));
        }

        return Email(body.ToMessageBody());
    }

    /// <summary>
    /// An e-mail carrying an e-mail carrying an e-mail …, <paramref name="levels"/> in all, each
    /// attached as a plain file (so each becomes a document of its own, whose attachments fan out
    /// again) and saying which level it is.
    /// </summary>
    public static byte[] EmailsInEmails(int levels)
    {
        byte[]? inner = null;
        for (var level = levels; level >= 1; level--)
        {
            var body = new BodyBuilder { TextBody = $"This is e-mail level {level}." };
            if (inner is not null)
            {
                body.Attachments.Add($"level-{level + 1}.eml", inner, new ContentType("application", "octet-stream"));
            }

            inner = Email(body.ToMessageBody());
        }

        return inner!;
    }

    /// <summary>An e-mail whose text sits inside <paramref name="depth"/> nested multiparts.</summary>
    public static byte[] DeeplyNestedEmail(int depth)
    {
        var eml = new StringBuilder("From: clerk@example.com\r\nTo: counsel@example.com\r\nSubject: Nested\r\nMIME-Version: 1.0\r\n");
        for (var i = 0; i < depth; i++)
        {
            eml.Append("Content-Type: multipart/mixed; boundary=\"b").Append(i).Append("\"\r\n\r\n--b").Append(i).Append("\r\n");
        }

        eml.Append("Content-Type: text/plain\r\n\r\nThe deepest text.\r\n");
        for (var i = depth - 1; i >= 0; i--)
        {
            eml.Append("--b").Append(i).Append("--\r\n");
        }

        return Encoding.ASCII.GetBytes(eml.ToString());
    }

    /// <summary>
    /// A one-page PDF protected by a user password (standard security handler, RC4 40-bit) that is
    /// not the empty one, so no reader can open it without the password.
    /// </summary>
    public static byte[] PasswordProtectedPdf() => Pdf(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            "<< /Length 44 >>\nstream\n" + new string('\u00a7', 44) + "\nendstream",
            "<< /Filter /Standard /V 1 /R 2 /P -44 /O <" + new string('7', 64) + "> /U <" + new string('3', 64) + "> >>",
        ],
        trailer: " /Encrypt 5 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]");

    /// <summary>
    /// A PDF of the given objects, numbered from 1, with the catalog first; a binary
    /// <paramref name="stream"/> (dictionary, data) becomes the object after them.
    /// </summary>
    private static byte[] Pdf(string[] objects, (string Dictionary, byte[] Data)? stream = null, string trailer = "")
    {
        using var pdf = new MemoryStream();
        void Write(string text) => pdf.Write(Encoding.Latin1.GetBytes(text));
        Write("%PDF-1.4\n");
        var offsets = new List<long>();
        foreach (var body in objects)
        {
            offsets.Add(pdf.Position);
            Write($"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }

        if (stream is var (dictionary, data))
        {
            offsets.Add(pdf.Position);
            Write($"{offsets.Count} 0 obj\n{dictionary}\nstream\n");
            pdf.Write(data);
            Write("\nendstream\nendobj\n");
        }

        var xref = pdf.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture) + " 00000 n \n");
        }

        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R{trailer} >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    private static byte[] Email(MimeEntity body)
    {
        var message = new MimeMessage { Subject = "Exhibits", Body = body };
        message.From.Add(new MailboxAddress("Clerk", "clerk@example.com"));
        message.To.Add(new MailboxAddress("Counsel", "counsel@example.com"));
        using var eml = new MemoryStream();
        message.WriteTo(eml);
        return eml.ToArray();
    }
}
