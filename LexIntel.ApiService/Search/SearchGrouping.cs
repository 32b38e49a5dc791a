namespace LexIntel.ApiService.Search;

/// <summary>How many hits one place may give: one page's several passages would crowd out the rest.</summary>
public enum SearchGrouping
{
    /// <summary>The best passage of each page (the default).</summary>
    Page,

    /// <summary>The best passage of each document.</summary>
    Document,

    /// <summary>Every passage that ranks.</summary>
    Passage,
}
