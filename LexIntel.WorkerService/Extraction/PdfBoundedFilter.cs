using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace LexIntel.WorkerService.Extraction;

/// <summary>
/// One of PdfPig's filters, run only once its output is known to fit the file's
/// <see cref="PdfStreamBudget"/>: PdfPig decodes a stream whole into memory, with no cap of its own.
/// The filters that expand (deflate, LZW, run-length) are measured first by decoding to nowhere,
/// which costs time but no memory. The others shrink their input (ASCII hex and base-85) or decode
/// images, which text extraction does not ask for; their output is counted once decoded.
/// </summary>
internal sealed class PdfBoundedFilter(IFilter inner, PdfStreamBudget budget) : IFilter
{
    public bool IsSupported => inner.IsSupported;

    public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
    {
        budget.CancellationToken.ThrowIfCancellationRequested();
        budget.EnsureRoom(inner switch
        {
            FlateFilter => PdfDecodedLength.Inflated(input, budget.Remaining, budget.CancellationToken),
            LzwFilter => PdfDecodedLength.Lzw(input.Span, EarlyChange(streamDictionary, filterIndex), budget.Remaining, budget.CancellationToken),
            RunLengthFilter => PdfDecodedLength.RunLength(input.Span, budget.Remaining),
            _ => 0,
        });

        var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
        budget.Spend(output.Length);
        return output;
    }

    /// <summary>Whether LZW widens its codes one code early, as PDF's default (1) has it.</summary>
    private static int EarlyChange(DictionaryToken streamDictionary, int filterIndex) =>
        DecodeParameterResolver.GetFilterParameters(streamDictionary, filterIndex).TryGet<NumericToken>(NameToken.EarlyChange, out var value) ? value.Int : 1;
}
