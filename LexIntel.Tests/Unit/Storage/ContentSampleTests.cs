using System.IO.Compression;
using System.Security.Cryptography;
using LexIntel.Shared.Documents;
using LexIntel.Shared.Storage;

namespace LexIntel.Tests.Unit.Storage;

[Tier(TestTier.Unit)]
public sealed class ContentSampleTests
{
    [Fact]
    public void A_small_file_is_sampled_whole()
    {
        var bytes = RandomNumberGenerator.GetBytes(ContentSample.TailLength - 1);

        using var sample = ContentSample.Of(bytes).Open();

        Assert.Equal(bytes.Length, sample.Length);
        using var copy = new MemoryStream();
        sample.CopyTo(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public void A_large_file_read_in_uneven_pieces_keeps_its_head_and_tail_in_place()
    {
        var bytes = RandomNumberGenerator.GetBytes((3 * ContentSample.TailLength) + 12345);
        var sampler = new ContentSampler();
        foreach (var piece in bytes.Chunk(300_001))
        {
            sampler.Append(piece);
        }

        using var sample = sampler.ToSample().Open();
        var read = new byte[bytes.Length];
        sample.ReadExactly(read);

        Assert.Equal(bytes.AsSpan(0, ContentSample.HeadLength).ToArray(), read[..ContentSample.HeadLength]);
        Assert.Equal(bytes.AsSpan(bytes.Length - ContentSample.TailLength).ToArray(), read[^ContentSample.TailLength..]);
        Assert.All(read[ContentSample.HeadLength..^ContentSample.TailLength], b => Assert.Equal(0, b));
    }

    [Fact]
    public void A_word_document_larger_than_the_sample_is_still_recognised_from_its_central_directory()
    {
        var docx = WordDocumentWithLargeMedia();
        Assert.True(docx.Length > 2 * ContentSample.TailLength);

        using var sample = ContentSample.Of(docx).Open();

        Assert.Equal(DocumentContentTypes.Docx, ContentSniffer.Sniff(sample, "brief.docx"));
    }

    /// <summary>The parts a zip keeps at its start, a large incompressible picture, and Word's main part.</summary>
    private static byte[] WordDocumentWithLargeMedia()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                types.Write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            }

            using (var media = zip.CreateEntry("word/media/image1.png", CompressionLevel.NoCompression).Open())
            {
                media.Write(RandomNumberGenerator.GetBytes(3 * ContentSample.TailLength));
            }

            using var document = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            document.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
        }

        return buffer.ToArray();
    }
}
