using LexIntel.Shared.Queue;

namespace LexIntel.WorkerService.Extraction;

/// <summary>
/// What the streams of one PDF may still decode to (<see cref="ExtractionLimits.MaxDecompressedBytes"/>),
/// shared by the filters PdfPig calls for that file, with the extraction's token. PdfPig reads
/// damaged files leniently and swallows some exceptions on the way, so the first breach is kept
/// here for the extractor to raise again, whatever PdfPig made of it.
/// </summary>
internal sealed class PdfStreamBudget(long limit, CancellationToken cancellationToken)
{
    private long spent;

    public CancellationToken CancellationToken => cancellationToken;

    public long Remaining => limit - spent;

    public PermanentJobException? Breach { get; private set; }

    /// <summary>Refuses, before anything is decoded, output known to be larger than what is left.</summary>
    public void EnsureRoom(long bytes)
    {
        if (bytes > Remaining)
        {
            throw Breach ??= ExtractionFailures.TooMuchDecompressed(limit);
        }
    }

    public void Spend(long bytes)
    {
        EnsureRoom(bytes);
        spent += bytes;
    }

    public void ThrowIfBreached()
    {
        if (Breach is not null)
        {
            throw Breach;
        }
    }
}
