namespace LexIntel.ApiService.Paging;

/// <summary>A page of a newest-first list as the client asked for it: how many, and after which row.</summary>
internal readonly record struct PageRequest(int Size, KeysetCursor? After)
{
    public const int DefaultSize = 50;

    public const int MaxSize = 200;

    /// <summary>Reads <c>limit</c> and <c>cursor</c>; what is wrong with either goes into <paramref name="errors"/>.</summary>
    public static PageRequest Parse(int? limit, string? cursor, Dictionary<string, string[]> errors)
    {
        var size = limit ?? DefaultSize;
        if (size is < 1 or > MaxSize)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxSize}."];
        }

        KeysetCursor? after = null;
        if (cursor is not null)
        {
            if (KeysetCursor.TryDecode(cursor, out var decoded))
            {
                after = decoded;
            }
            else
            {
                errors["cursor"] = ["cursor is not one this API returned; start again without it."];
            }
        }

        return new PageRequest(size, after);
    }

    /// <summary>
    /// The page out of the rows <see cref="KeysetPaging.NewestFirst"/> read (one more than a page),
    /// and the cursor to the next page when that extra row shows there is one.
    /// </summary>
    public (List<T> Items, string? NextCursor) Split<T>(List<T> rows, Func<T, KeysetCursor> position)
    {
        var items = rows.Take(Size).ToList();
        return (items, rows.Count > Size ? position(items[^1]).Encode() : null);
    }
}
