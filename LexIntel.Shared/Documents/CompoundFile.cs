using System.Buffers.Binary;
using System.Text;

namespace LexIntel.Shared.Documents;

/// <summary>
/// Just enough of Microsoft's compound file format (MS-CFB, "OLE2") to name the streams at its top
/// level: legacy Word, Excel and Outlook files all are compound files and differ only in those.
/// Reads the header, the sector chains of the allocation table and the directory, and no stream's
/// data. Every read is bounded by the file's length and every chain by the sectors it can hold, so
/// a damaged or hostile file reads as lacking the stream rather than looping or allocating.
/// </summary>
internal static class CompoundFile
{
    public static ReadOnlySpan<byte> Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private const int HeaderLength = 512;
    private const int EntryLength = 128;
    private const int HeaderDifatEntries = 109;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint LastRegularSector = 0xFFFFFFFA;
    private const uint NoStream = 0xFFFFFFFF;
    private const byte StreamEntry = 2;
    private const byte RootEntry = 5;

    /// <summary>
    /// Directory entries read at most. Word files have a few dozen, an Outlook message with many
    /// attachments some thousands; a damaged chain could otherwise run through the whole file.
    /// </summary>
    private const int MaxEntries = 65_536;

    /// <summary>Whether the compound file <paramref name="content"/> holds a stream named <paramref name="name"/> at its top level.</summary>
    public static bool HasTopLevelStream(Stream content, string name)
    {
        try
        {
            var header = new byte[HeaderLength];
            content.Position = 0;
            if (content.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false) < HeaderLength || !header.AsSpan().StartsWith(Signature))
            {
                return false;
            }

            var shift = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x1E));
            if (shift is not (9 or 12))
            {
                return false;
            }

            var file = new Sectors(content, shift, header);
            var entries = file.Directory(BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x30)), name);
            return entries.Count > 0 && entries[0].Type == RootEntry && HasStreamChild(entries, entries[0].Child);
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>Searches a storage's children, kept as a binary tree of siblings, without recursion and visiting each entry once.</summary>
    private static bool HasStreamChild(List<Entry> entries, uint first)
    {
        var visited = new HashSet<uint>();
        var pending = new Stack<uint>();
        pending.Push(first);
        while (pending.TryPop(out var id))
        {
            if (id >= entries.Count || !visited.Add(id))
            {
                continue;
            }

            var entry = entries[(int)id];
            if (entry.Type == StreamEntry && entry.Named)
            {
                return true;
            }

            pending.Push(entry.Left);
            pending.Push(entry.Right);
        }

        return false;
    }

    /// <param name="Named">Whether the entry bears the name looked for.</param>
    private readonly record struct Entry(bool Named, byte Type, uint Left, uint Right, uint Child);

    /// <summary>The file's sectors, read where they lie; the allocation table's sectors are found through the DIFAT.</summary>
    private sealed class Sectors(Stream content, int shift, byte[] header)
    {
        private readonly int size = 1 << shift;
        private readonly long count = Math.Max(0, (content.Length >> shift) - 1);
        private readonly List<uint> fatSectorsPastHeader = [];
        private readonly HashSet<uint> difatSectorsRead = [];
        private uint nextDifatSector = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x44));

        private int EntriesPerSector => size / sizeof(uint);

        /// <summary>The directory's entries, in the order of its sector chain, up to <see cref="MaxEntries"/>.</summary>
        public List<Entry> Directory(uint start, string name)
        {
            var entries = new List<Entry>();
            var sector = new byte[size];
            var visited = new HashSet<uint>();
            for (var current = start; current <= LastRegularSector && current < count && entries.Count < MaxEntries && visited.Add(current); current = Next(current))
            {
                if (!Read(current, sector))
                {
                    break;
                }

                for (var offset = 0; offset < size; offset += EntryLength)
                {
                    entries.Add(ReadEntry(sector.AsSpan(offset, EntryLength), name));
                }
            }

            return entries;
        }

        private static Entry ReadEntry(ReadOnlySpan<byte> entry, string name)
        {
            // The name's length counts its UTF-16 terminator; anything past the field is damage.
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(entry[0x40..]);
            var named = nameLength is >= 2 and <= 64 && Encoding.Unicode.GetString(entry[..(nameLength - 2)]) == name;
            return new Entry(
                named,
                entry[0x42],
                BinaryPrimitives.ReadUInt32LittleEndian(entry[0x44..]),
                BinaryPrimitives.ReadUInt32LittleEndian(entry[0x48..]),
                BinaryPrimitives.ReadUInt32LittleEndian(entry[0x4C..]));
        }

        /// <summary>The sector after <paramref name="sector"/> in its chain, from the allocation table.</summary>
        private uint Next(uint sector)
        {
            var fatSector = FatSector(sector / (uint)EntriesPerSector);
            if (fatSector > LastRegularSector || fatSector >= count)
            {
                return EndOfChain;
            }

            Span<byte> next = stackalloc byte[sizeof(uint)];
            content.Position = Offset(fatSector) + (sector % EntriesPerSector * sizeof(uint));
            return content.ReadAtLeast(next, next.Length, throwOnEndOfStream: false) == next.Length
                ? BinaryPrimitives.ReadUInt32LittleEndian(next)
                : EndOfChain;
        }

        /// <summary>
        /// Where the allocation table's <paramref name="index"/>th sector lies: the header lists the
        /// first 109, a chain of DIFAT sectors the rest, read as far as needed and no further than
        /// the file's sectors.
        /// </summary>
        private uint FatSector(uint index)
        {
            if (index < HeaderDifatEntries)
            {
                return BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x4C + ((int)index * sizeof(uint))));
            }

            // Each DIFAT sector lists the next one in its last slot.
            var listed = EntriesPerSector - 1;
            var sector = new byte[size];
            var wanted = (int)(index - HeaderDifatEntries);
            while (fatSectorsPastHeader.Count <= wanted && nextDifatSector <= LastRegularSector && nextDifatSector < count && difatSectorsRead.Add(nextDifatSector))
            {
                if (!Read(nextDifatSector, sector))
                {
                    break;
                }

                for (var i = 0; i < listed; i++)
                {
                    fatSectorsPastHeader.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(i * sizeof(uint))));
                }

                nextDifatSector = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(listed * sizeof(uint)));
            }

            return wanted < fatSectorsPastHeader.Count ? fatSectorsPastHeader[wanted] : NoStream;
        }

        /// <summary>Sector 0 follows the header, which takes a sector's room even where sectors are larger.</summary>
        private long Offset(uint sector) => ((long)sector + 1) << shift;

        private bool Read(uint sector, byte[] buffer)
        {
            content.Position = Offset(sector);
            return content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) == buffer.Length;
        }
    }
}
