using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace LexIntel.WorkerService.Extraction;

/// <summary>PdfPig's filters, each bounded by the file's <see cref="PdfStreamBudget"/>; one provider per file.</summary>
internal sealed class PdfBoundedFilterProvider(PdfStreamBudget budget) : IFilterProvider
{
    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Bound(DefaultFilterProvider.Instance.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Bound(DefaultFilterProvider.Instance.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Bound(DefaultFilterProvider.Instance.GetAllFilters());

    private IReadOnlyList<IFilter> Bound(IReadOnlyList<IFilter> filters) => [.. filters.Select(filter => new PdfBoundedFilter(filter, budget))];
}
