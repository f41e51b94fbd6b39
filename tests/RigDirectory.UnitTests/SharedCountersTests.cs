using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RigDirectory.Web.Security;
using StackExchange.Redis;

namespace RigDirectory.UnitTests;

/// <summary>The counters behind rate limits and the unknown-account lockout: fixed windows, flags that expire, and a fallback while Redis is away.</summary>
public sealed class SharedCountersTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Hits_CountWithinTheirWindow_AndStartAgainAfterIt()
    {
        var counters = new MemoryCounters(_clock);

        var first = counters.Hit("limit:a", TimeSpan.FromMinutes(5));
        _clock.Advance(TimeSpan.FromMinutes(2));
        var second = counters.Hit("limit:a", TimeSpan.FromMinutes(5));
        var other = counters.Hit("limit:b", TimeSpan.FromMinutes(5));
        _clock.Advance(TimeSpan.FromMinutes(3));
        var afterWindow = counters.Hit("limit:a", TimeSpan.FromMinutes(5));

        Assert.Equal((1, TimeSpan.FromMinutes(5)), first);
        Assert.Equal((2, TimeSpan.FromMinutes(3)), second);
        Assert.Equal(1, other.Count);
        Assert.Equal(1, afterWindow.Count);
    }

    [Fact]
    public void AFlag_HoldsForItsLifetime_AndCanBeRemoved()
    {
        var counters = new MemoryCounters(_clock);

        counters.Raise("lock:x", TimeSpan.FromMinutes(15));
        counters.Raise("lock:y", TimeSpan.FromMinutes(15));
        counters.Remove("lock:y");
        var during = counters.IsRaised("lock:x");
        _clock.Advance(TimeSpan.FromMinutes(15));

        Assert.True(during);
        Assert.False(counters.IsRaised("lock:x"));
        Assert.False(counters.IsRaised("lock:y"));
    }

    [Fact]
    public async Task WithRedisUnreachable_EachInstanceCountsOnItsOwn_AndNothingFails()
    {
        var options = ConfigurationOptions.Parse("127.0.0.1:1");
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 200;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        var counters = new RedisCounters(redis, "rigdirectory:", new MemoryCounters(_clock), NullLogger<RedisCounters>.Instance);

        counters.Hit("limit:a", TimeSpan.FromMinutes(5));
        var second = counters.Hit("limit:a", TimeSpan.FromMinutes(5));
        counters.Raise("lock:x", TimeSpan.FromMinutes(1));

        Assert.Equal(2, second.Count);
        Assert.True(counters.IsRaised("lock:x"));
    }
}
