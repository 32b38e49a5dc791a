namespace LexIntel.Shared.Data;

public static class PostgresTime
{
    /// <summary>
    /// <paramref name="time"/> cut to the microseconds PostgreSQL keeps, so a value handed back (a
    /// response, a keyset cursor) equals the one stored.
    /// </summary>
    public static DateTimeOffset Truncate(DateTimeOffset time) => time.AddTicks(-(time.UtcTicks % 10));
}
