namespace LexIntel.Shared.Queue;

/// <summary>
/// Multi-key queue transitions as Lua, so each is atomic: no crash between two commands can
/// lose a job or run it twice.
/// </summary>
internal static class RedisScripts
{
    /// <summary>
    /// KEYS: stream, dedup key, the document's marker set. ARGV: dedup ttl ms, notify channel,
    /// fields… The marker set lives as long as its newest marker.
    /// </summary>
    public const string Enqueue = """
        if not redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[1]) then return false end
        redis.call('SADD', KEYS[3], KEYS[2])
        redis.call('PEXPIRE', KEYS[3], ARGV[1])
        local id = redis.call('XADD', KEYS[1], '*', unpack(ARGV, 3))
        redis.call('PUBLISH', ARGV[2], KEYS[1])
        return id
        """;

    /// <summary>
    /// Acknowledges and deletes: a finished entry leaves the stream, so the stream holds only the
    /// backlog and in-flight work and its memory stays bounded. KEYS: stream. ARGV: group, id.
    /// </summary>
    public const string Complete = """
        local acked = redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
        redis.call('XDEL', KEYS[1], ARGV[2])
        return acked
        """;

    /// <summary>KEYS: stream, delayed set. ARGV: group, id, due (unix ms), member (JSON field list).</summary>
    public const string Retry = """
        redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
        redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
        redis.call('XDEL', KEYS[1], ARGV[2])
        return 1
        """;

    /// <summary>KEYS: stream, dead stream. ARGV: group, id, dead maxlen, fields…</summary>
    public const string DeadLetter = """
        redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', unpack(ARGV, 4))
        redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
        redis.call('XDEL', KEYS[1], ARGV[2])
        return 1
        """;

    /// <summary>KEYS: delayed set, stream. ARGV: now (unix ms), batch size, notify channel.</summary>
    public const string PromoteDue = """
        local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
        for _, member in ipairs(due) do
          redis.call('XADD', KEYS[2], '*', unpack(cjson.decode(member)))
          redis.call('ZREM', KEYS[1], member)
        end
        if #due > 0 then redis.call('PUBLISH', ARGV[3], KEYS[2]) end
        return #due
        """;

    /// <summary>KEYS: dead stream, stream. ARGV: dead id, notify channel, fields…</summary>
    public const string Requeue = """
        if redis.call('XDEL', KEYS[1], ARGV[1]) == 0 then return false end
        local id = redis.call('XADD', KEYS[2], '*', unpack(ARGV, 3))
        redis.call('PUBLISH', ARGV[2], KEYS[2])
        return id
        """;

    /// <summary>
    /// Deletes entries from a job stream unless a consumer holds them (delivered, not yet
    /// acknowledged): a job in flight is its consumer's to finish. KEYS: stream. ARGV: group, ids…
    /// Returns the ids left because they are held.
    /// </summary>
    public const string RemoveUnlessHeld = """
        local held = {}
        for i = 2, #ARGV do
          local pending = redis.pcall('XPENDING', KEYS[1], ARGV[1], ARGV[i], ARGV[i], 1)
          if type(pending) == 'table' and pending.err == nil and #pending > 0 then
            table.insert(held, ARGV[i])
          else
            redis.call('XDEL', KEYS[1], ARGV[i])
          end
        end
        return held
        """;

    /// <summary>
    /// KEYS: document stream, case stream. ARGV: doc maxlen, case maxlen, doc ttl s, case ttl s,
    /// notify channel, the run when the event is a run's final one (else empty), fields…
    /// A run's final event is appended once: when the document stream already ends with it (a job
    /// restoring a final event Redis may have lost finds it was not lost), its id is returned.
    /// </summary>
    public const string AppendProgress = """
        if ARGV[6] ~= '' then
          local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)[1]
          if last then
            local final, run = nil, nil
            for i = 1, #last[2], 2 do
              if last[2][i] == 'final' then final = last[2][i + 1] elseif last[2][i] == 'run' then run = last[2][i + 1] end
            end
            if final == 'true' and run == ARGV[6] then
              return last[1]
            end
          end
        end
        local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', unpack(ARGV, 7))
        redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', unpack(ARGV, 7))
        redis.call('EXPIRE', KEYS[1], ARGV[3])
        redis.call('EXPIRE', KEYS[2], ARGV[4])
        redis.call('PUBLISH', ARGV[5], KEYS[1])
        redis.call('PUBLISH', ARGV[5], KEYS[2])
        return id
        """;
}
