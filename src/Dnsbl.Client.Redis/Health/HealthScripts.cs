namespace Dnsbl.Client.Redis.Health;

/// <summary>
/// The Lua scripts of shared health: each is one atomic round trip. Keys of the wrong type (another program's values
/// under our prefix) are never read as ours; every key written gets an expiry in the same script.
/// </summary>
internal static class HealthScripts
{
    /// <summary>
    /// Sync. KEYS: lease, states, overrides, nodes. ARGV: node id, lease ms, now ms, node retention ms, overrides ttl ms,
    /// participate (1/0). Takes a free lease (SET NX PX) or extends our own (compare-and-extend), checks the node in,
    /// and returns {holder ('' none, '*' not a string), lease ms left, states, overrides}.
    /// </summary>
    public const string Sync = """
        local kind = redis.call('TYPE', KEYS[1]).ok
        local holder = ''
        if kind == 'string' then holder = redis.call('GET', KEYS[1]) elseif kind ~= 'none' then holder = '*' end
        if ARGV[6] == '1' then
          if kind == 'none' then
            if redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then holder = ARGV[1] end
          elseif holder == ARGV[1] then
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('PEXPIRE', KEYS[3], ARGV[5]) end
          end
          local nodes = redis.call('TYPE', KEYS[4]).ok
          if nodes == 'zset' or nodes == 'none' then
            redis.call('ZADD', KEYS[4], ARGV[3], ARGV[1])
            redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', '(' .. (tonumber(ARGV[3]) - tonumber(ARGV[4])))
            redis.call('PEXPIRE', KEYS[4], ARGV[4])
          end
        end
        local states = {}
        if redis.call('TYPE', KEYS[2]).ok == 'hash' then states = redis.call('HGETALL', KEYS[2]) end
        local overrides = {}
        if redis.call('TYPE', KEYS[3]).ok == 'hash' then overrides = redis.call('HGETALL', KEYS[3]) end
        return {holder, redis.call('PTTL', KEYS[1]), states, overrides}
        """;

    /// <summary>
    /// Publish states. KEYS: lease, states. ARGV: node id, states ttl ms, channel, then field/value pairs. Writes only
    /// while the lease is ours (a leader that lost it writes nothing), then announces the change.
    /// </summary>
    public const string Publish = """
        if redis.call('TYPE', KEYS[1]).ok ~= 'string' or redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
        local kind = redis.call('TYPE', KEYS[2]).ok
        if kind ~= 'hash' and kind ~= 'none' then redis.call('DEL', KEYS[2]) end
        redis.call('HSET', KEYS[2], unpack(ARGV, 4))
        redis.call('PEXPIRE', KEYS[2], ARGV[2])
        redis.call('PUBLISH', ARGV[3], ARGV[1])
        return 1
        """;

    /// <summary>Set or clear an override. KEYS: overrides. ARGV: ttl ms, channel, node id, field, value ('' clears).</summary>
    public const string Override = """
        local kind = redis.call('TYPE', KEYS[1]).ok
        if kind ~= 'hash' and kind ~= 'none' then redis.call('DEL', KEYS[1]) end
        if ARGV[5] == '' then redis.call('HDEL', KEYS[1], ARGV[4]) else redis.call('HSET', KEYS[1], ARGV[4], ARGV[5]) end
        if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        redis.call('PUBLISH', ARGV[2], ARGV[3])
        return 1
        """;

    /// <summary>Release the lease if ours (a graceful stop hands over at once). KEYS: lease, nodes. ARGV: node id, channel.</summary>
    public const string Release = """
        if redis.call('TYPE', KEYS[2]).ok == 'zset' then redis.call('ZREM', KEYS[2], ARGV[1]) end
        if redis.call('TYPE', KEYS[1]).ok ~= 'string' or redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
        redis.call('DEL', KEYS[1])
        redis.call('PUBLISH', ARGV[2], ARGV[1])
        return 1
        """;

    /// <summary>The fleet view. KEYS: lease, states, overrides, nodes. Returns {holder, lease ms left, nodes with scores, states, overrides}.</summary>
    public const string View = """
        local kind = redis.call('TYPE', KEYS[1]).ok
        local holder = ''
        if kind == 'string' then holder = redis.call('GET', KEYS[1]) elseif kind ~= 'none' then holder = '*' end
        local nodes = {}
        if redis.call('TYPE', KEYS[4]).ok == 'zset' then nodes = redis.call('ZRANGE', KEYS[4], 0, 999, 'WITHSCORES') end
        local states = {}
        if redis.call('TYPE', KEYS[2]).ok == 'hash' then states = redis.call('HGETALL', KEYS[2]) end
        local overrides = {}
        if redis.call('TYPE', KEYS[3]).ok == 'hash' then overrides = redis.call('HGETALL', KEYS[3]) end
        return {holder, redis.call('PTTL', KEYS[1]), nodes, states, overrides}
        """;
}
