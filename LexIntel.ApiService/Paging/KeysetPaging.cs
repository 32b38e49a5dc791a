using LexIntel.Shared.Data.Entities;

namespace LexIntel.ApiService.Paging;

internal static class KeysetPaging
{
    /// <summary>Newest first, after the page's cursor, one row more than the page so the caller knows whether another follows.</summary>
    public static IQueryable<T> NewestFirst<T>(this IQueryable<T> query, PageRequest page)
        where T : class, ICreationOrdered
    {
        if (page.After is { } after)
        {
            query = query.Where(x => x.CreatedAt < after.CreatedAt || (x.CreatedAt == after.CreatedAt && x.Id < after.Id));
        }

        return query.OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id).Take(page.Size + 1);
    }
}
