using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace RigDirectory.Web.Security;

/// <summary>
/// The counters behind the rate limits and the unknown-account lockout. With Redis configured they live there, so
/// every instance counts against one limit (two instances do not double it); without Redis each instance keeps its
/// own, which is all one instance needs.
/// </summary>
public interface ISharedCounters
{
    /// <summary>Counts one more hit on <paramref name="key"/>; a count lives <paramref name="window"/> from its first hit. Returns the count and the time until it starts again.</summary>
    (long Count, TimeSpan ResetsIn) Hit(string key, TimeSpan window);

    /// <summary>Raises a flag (a lockout) for <paramref name="lifetime"/>.</summary>
    void Raise(string key, TimeSpan lifetime);

    bool IsRaised(string key);

    void Remove(string key);
}

/// <summary>One instance's counters, in its memory.</summary>
public sealed class MemoryCounters(TimeProvider clock) : ISharedCounters
{
    private readonly Dictionary<string, (long Count, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _hitsSinceSweep;

    public (long Count, TimeSpan ResetsIn) Hit(string key, TimeSpan window)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            SweepNowAndThen(now);
            var entry = _entries.TryGetValue(key, out var found) && found.Until > now ? found : (0, now + window);
            _entries[key] = entry = (entry.Count + 1, entry.Until);
            return (entry.Count, entry.Until - now);
        }
    }

    public void Raise(string key, TimeSpan lifetime)
    {
        lock (_lock)
        {
            _entries[key] = (1, clock.GetUtcNow() + lifetime);
        }
    }

    public bool IsRaised(string key)
    {
        lock (_lock)
        {
            return _entries.TryGetValue(key, out var entry) && entry.Until > clock.GetUtcNow();
        }
    }

    public void Remove(string key)
    {
        lock (_lock)
        {
            _entries.Remove(key);
        }
    }

    /// <summary>Forgets expired counts every thousand hits, so that a stream of new client addresses cannot grow memory without end.</summary>
    private void SweepNowAndThen(DateTimeOffset now)
    {
        if (++_hitsSinceSweep < 1000)
        {
            return;
        }

        _hitsSinceSweep = 0;
        foreach (var key in _entries.Where(e => e.Value.Until <= now).Select(e => e.Key).ToList())
        {
            _entries.Remove(key);
        }
    }
}

/// <summary>
/// Counters in Redis, one atomic script per hit (INCR, and the expiry set with the first). While Redis cannot be
/// reached each instance counts in its own memory, so limits still hold per instance, and the outage is logged.
/// </summary>
internal sealed partial class RedisCounters(IConnectionMultiplexer redis, string prefix, MemoryCounters fallback, ILogger<RedisCounters> logger) : ISharedCounters
{
    private const string HitScript = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return { count, redis.call('PTTL', KEYS[1]) }
        """;

    public (long Count, TimeSpan ResetsIn) Hit(string key, TimeSpan window) => Try(
        () =>
        {
            var result = (RedisResult[])redis.GetDatabase().ScriptEvaluate(HitScript, [Key(key)], [(long)window.TotalMilliseconds])!;
            return ((long)result[0], TimeSpan.FromMilliseconds(Math.Max(0, (long)result[1])));
        },
        () => fallback.Hit(key, window));

    public void Raise(string key, TimeSpan lifetime) =>
        Try(() => redis.GetDatabase().StringSet(Key(key), 1, lifetime), () => { fallback.Raise(key, lifetime); return true; });

    public bool IsRaised(string key) => Try(() => redis.GetDatabase().KeyExists(Key(key)), () => fallback.IsRaised(key));

    public void Remove(string key) => Try(() => redis.GetDatabase().KeyDelete(Key(key)), () => { fallback.Remove(key); return true; });

    private RedisKey Key(string key) => $"{prefix}count:{key}";

    private T Try<T>(Func<T> shared, Func<T> local)
    {
        if (!redis.IsConnected)
        {
            return local();
        }

        try
        {
            return shared();
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            Unreachable(logger, exception);
            return local();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis did not answer for a rate-limit counter; this instance counts on its own until it does")]
    private static partial void Unreachable(ILogger logger, Exception exception);
}

/// <summary>
/// A fixed-window limit kept in <see cref="ISharedCounters"/>: <paramref name="permits"/> per <paramref name="window"/>
/// for one partition (a client address, a user). It holds no state of its own, so the limiter may drop it when idle.
/// </summary>
internal sealed class CounterWindowLimiter(ISharedCounters counters, string key, int permits, TimeSpan window) : RateLimiter
{
    public override TimeSpan? IdleDuration => TimeSpan.Zero;

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Acquire(permitCount);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) => ValueTask.FromResult<RateLimitLease>(Acquire(permitCount));

    private Lease Acquire(int permitCount)
    {
        if (permitCount == 0)
        {
            return Lease.Granted;
        }

        var (count, resetsIn) = counters.Hit(key, window);
        return count <= permits ? Lease.Granted : new Lease(false, resetsIn);
    }

    private sealed class Lease(bool acquired, TimeSpan retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, TimeSpan.Zero);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => acquired ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (!acquired && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = retryAfter;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
