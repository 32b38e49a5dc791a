using System.Buffers.Binary;
using System.Text;

namespace LexIntel.Tests.Infrastructure;

/// <summary>
/// The corpus's Word 97 document (<c>word-doc.doc</c>, an Indiana Supreme Court opinion) and
/// copies of it changed the ways real files differ: cut short, damaged, marked encrypted, or a
/// compound file whose main stream is not Word's (as an Excel workbook's or an Outlook message's).
/// </summary>
public static class LegacyWordFiles
{
    public const string FileName = "word-doc.doc";

    /// <summary>A word of the opinion's body, on none of its other lines.</summary>
    public const string BodyPhrase = "Barker contends that the United States Supreme Court's decisions in Ring v. Arizona";

    private const int FibFlagsOffset = 0x0A;
    private const ushort FibEncrypted = 0x0100;
    private const int NameLengthOffset = 0x40;
    private const int SectorLength = 512;

    /// <summary>Where the header lists the first sector of the allocation table.</summary>
    private const int FirstFatSectorOffset = 0x4C;

    public static byte[] Original() => File.ReadAllBytes(TestData.CourtDocument(FileName));

    /// <summary>The first <paramref name="fraction"/> of the file: an upload or a copy that stopped early.</summary>
    public static byte[] Truncated(double fraction)
    {
        var bytes = Original();
        return bytes[..(int)(bytes.Length * fraction)];
    }

    /// <summary>The compound file's allocation table overwritten with zeros: every stream's sectors lost.</summary>
    public static byte[] AllocationTableZeroed()
    {
        var bytes = Original();
        var firstFatSector = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(FirstFatSectorOffset));
        bytes.AsSpan((firstFatSector + 1) * SectorLength, SectorLength).Clear();
        return bytes;
    }

    /// <summary>The compound file's header kept, everything after it overwritten with noise.</summary>
    public static byte[] Noise()
    {
        var bytes = Original();
        new Random(19).NextBytes(bytes.AsSpan(SectorLength));
        return bytes;
    }

    /// <summary>Word's FIB says <c>fEncrypted</c>: what Word writes for a password-protected document.</summary>
    public static byte[] MarkedEncrypted()
    {
        var bytes = Original();
        var fib = WordDocumentStreamStart(bytes);
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(fib + FibFlagsOffset));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(fib + FibFlagsOffset), (ushort)(flags | FibEncrypted));
        return bytes;
    }

    /// <summary>The same compound file with its <c>WordDocument</c> stream renamed, e.g. to Excel's <c>Workbook</c>.</summary>
    public static byte[] WithMainStreamNamed(string name)
    {
        var bytes = Original();
        var entry = bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes("WordDocument\0"));
        Assert.True(entry > 0, "the directory entry of the WordDocument stream");
        var field = bytes.AsSpan(entry, NameLengthOffset);
        field.Clear();
        var encoded = Encoding.Unicode.GetBytes(name + "\0");
        encoded.CopyTo(field);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(entry + NameLengthOffset), (ushort)encoded.Length);
        return bytes;
    }

    /// <summary>Word's FIB, where its stream starts, begins with <c>wIdent</c> 0xA5EC at a sector's start.</summary>
    private static int WordDocumentStreamStart(byte[] bytes)
    {
        for (var offset = SectorLength; offset + 2 <= bytes.Length; offset += SectorLength)
        {
            if (BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset)) == 0xA5EC)
            {
                return offset;
            }
        }

        throw new InvalidDataException($"{FileName} has no Word FIB at a sector's start");
    }
}
