using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RigDirectory.Web.Infrastructure;
using StackExchange.Redis;

namespace RigDirectory.UnitTests;

/// <summary>With Redis out of reach, snapshots are rebuilt on a clock instead of pages failing.</summary>
public sealed class RedisStampsTests
{
    [Fact]
    public async Task WithRedisUnreachable_TheStampMovesEveryThirtySeconds_AndNeverFails()
    {
        // A port nothing listens on; the multiplexer starts anyway and reports itself disconnected.
        var options = ConfigurationOptions.Parse("127.0.0.1:1");
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 200;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var stamps = new RedisStamps(redis, "rigdirectory:", clock, NullLogger<RedisStamps>.Instance);

        var first = await stamps.ReadAsync("directory");
        clock.Advance(TimeSpan.FromSeconds(10));
        var sameWindow = await stamps.ReadAsync("directory");
        var bumped = await stamps.BumpAsync("directory");
        clock.Advance(RedisStamps.OfflineRefresh);
        var later = await stamps.ReadAsync("directory");

        Assert.False(redis.IsConnected);
        Assert.True(first < 0, "An offline stamp is never a real counter's value.");
        Assert.Equal(first, sameWindow);
        Assert.Equal(first, bumped);
        Assert.NotEqual(first, later);
    }
}
