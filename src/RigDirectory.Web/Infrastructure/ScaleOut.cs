using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RigDirectory.Web.Data;
using RigDirectory.Web.Security;
using StackExchange.Redis;

namespace RigDirectory.Web.Infrastructure;

/// <summary>
/// <c>Redis:Configuration</c>: a StackExchange.Redis configuration string (<c>redis:6379,password=…</c>). Set it
/// when more than one instance serves the site: the output cache and the stamps of each instance's in-memory
/// snapshots then live in Redis, and so do the rate-limit counters and the unknown-account lockout, so two instances
/// enforce one limit. Unset, one instance keeps them all in its own memory.
/// </summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    public string? Configuration { get; set; }

    /// <summary>Prefixes every key, so that one Redis can serve several sites.</summary>
    public string InstanceName { get; set; } = "rigdirectory:";
}

/// <summary>
/// Tells every instance that what it holds in memory (the directory and event snapshots) changed on another one. A
/// change bumps a named stamp after it is saved; a reader compares the stamp with the one its copy was built at
/// and rebuilds when they differ, so another instance's change shows on the next request, not after a timeout.
/// </summary>
public interface ISharedStamps
{
    /// <summary>The stamp now; one instance alone always reads 0.</summary>
    Task<long> ReadAsync(string name);

    /// <summary>Marks every copy built before now as stale; returns the new stamp (0 for one instance alone).</summary>
    Task<long> BumpAsync(string name);
}

/// <summary>One instance: its own invalidation is all there is, so stamps never change and cost nothing.</summary>
internal sealed class LocalStamps : ISharedStamps
{
    private static readonly Task<long> Zero = Task.FromResult(0L);

    public Task<long> ReadAsync(string name) => Zero;

    public Task<long> BumpAsync(string name) => Zero;
}

/// <summary>
/// Stamps as Redis counters: one round trip (GET or INCR) on loopback or in the data centre. While Redis cannot be
/// reached the stamp is a number that moves every <see cref="OfflineRefresh"/>, so each instance rebuilds its copies
/// twice a minute (changes on other instances show within that, and the database is not flooded) instead of
/// failing its pages; <c>/readyz</c> reports the outage meanwhile.
/// </summary>
internal sealed partial class RedisStamps(IConnectionMultiplexer redis, string prefix, TimeProvider clock, ILogger<RedisStamps> logger) : ISharedStamps
{
    public static readonly TimeSpan OfflineRefresh = TimeSpan.FromSeconds(30);

    public Task<long> ReadAsync(string name) => TryAsync(name, async key => (long?)await redis.GetDatabase().StringGetAsync(key) ?? 0);

    public Task<long> BumpAsync(string name) => TryAsync(name, key => redis.GetDatabase().StringIncrementAsync(key));

    private async Task<long> TryAsync(string name, Func<RedisKey, Task<long>> command)
    {
        if (!redis.IsConnected)
        {
            return Offline();
        }

        try
        {
            return await command($"{prefix}stamp:{name}");
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            Unreachable(logger, exception, name);
            return Offline();
        }
    }

    /// <summary>Negative, so never a real counter's value.</summary>
    private long Offline() => -(clock.GetUtcNow().UtcTicks / OfflineRefresh.Ticks);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis did not answer for the {Name} stamp; the snapshot is rebuilt every 30 s until it does")]
    private static partial void Unreachable(ILogger logger, Exception exception, string name);
}

/// <summary>
/// Account changes as Redis messages: each instance forgets the changed account's stamp on hearing one. A message sent
/// while an instance is disconnected is lost to it, so it trusts no stamp while disconnected, forgets them all when it
/// reconnects, and keeps none longer than <see cref="Lifetime"/> in case its own message could not be sent.
/// </summary>
internal sealed partial class RedisSessionRevocations(IConnectionMultiplexer redis, string prefix, ILogger<RedisSessionRevocations> logger) : ISessionRevocations
{
    private Action<string>? _revoked;
    private volatile bool _subscribed;

    private RedisChannel Channel => RedisChannel.Literal($"{prefix}session-revoked");

    public bool Reliable => _subscribed && redis.IsConnected;

    public TimeSpan? Lifetime => TimeSpan.FromMinutes(1);

    public void Subscribe(Action<string> revoked, Action all)
    {
        _revoked = revoked;
        redis.ConnectionRestored += (_, _) =>
        {
            TrySubscribe();
            all();
        };
        TrySubscribe();
    }

    /// <summary>Started while Redis is down, the subscription is made when it comes back.</summary>
    private void TrySubscribe()
    {
        if (_subscribed)
        {
            return;
        }

        try
        {
            redis.GetSubscriber().Subscribe(Channel, (_, userId) =>
            {
                if (!userId.IsNullOrEmpty)
                {
                    _revoked?.Invoke(userId!);
                }
            });
            _subscribed = true;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            NotSubscribed(logger, exception);
        }
    }

    public async Task PublishAsync(string userId)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, userId);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            NotSent(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis did not take an account change; other instances notice it within a minute")]
    private static partial void NotSent(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis could not be subscribed to for account changes; sessions are checked against the database until it can")]
    private static partial void NotSubscribed(ILogger logger, Exception exception);
}

/// <summary>Ready only when Redis answers a PING.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy();
        }
        catch (RedisException)
        {
            return HealthCheckResult.Unhealthy();
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy();
        }
    }
}

public static class ScaleOutServiceCollectionExtensions
{
    /// <summary>
    /// What several instances share: data-protection keys in the database (a sign-in cookie or antiforgery token
    /// made by one instance is read by any other, and survives restarts), and, when Redis is configured, the output
    /// cache with its tag evictions and the snapshot stamps.
    /// </summary>
    public static IServiceCollection AddAppScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection().SetApplicationName("RigDirectory").PersistKeysToDbContext<AppDbContext>();

        var redis = configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        services.AddSingleton<MemoryCounters>();
        if (string.IsNullOrWhiteSpace(redis.Configuration))
        {
            services.AddSingleton<ISharedStamps, LocalStamps>();
            services.AddSingleton<ISessionRevocations, LocalSessionRevocations>();
            services.AddSingleton<ISharedCounters>(provider => provider.GetRequiredService<MemoryCounters>());
            return services;
        }

        services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(redis.Configuration);
            // Start even while Redis is down, and reconnect when it is back; /readyz says so meanwhile. Commands fail at
            // once while it is down rather than wait out a timeout: pages are then served uncached.
            options.AbortOnConnectFail = false;
            options.BacklogPolicy = BacklogPolicy.FailFast;
            return ConnectionMultiplexer.Connect(options);
        });
        services.AddStackExchangeRedisOutputCache(options => options.InstanceName = redis.InstanceName);
        services.AddOptions<RedisOutputCacheOptions>().Configure<IServiceProvider>((options, provider) =>
            options.ConnectionMultiplexerFactory = () => Task.FromResult(provider.GetRequiredService<IConnectionMultiplexer>()));
        services.AddSingleton<ISharedCounters>(provider => new RedisCounters(
            provider.GetRequiredService<IConnectionMultiplexer>(), redis.InstanceName, provider.GetRequiredService<MemoryCounters>(), provider.GetRequiredService<ILogger<RedisCounters>>()));
        services.AddSingleton<ISharedStamps>(provider => new RedisStamps(
            provider.GetRequiredService<IConnectionMultiplexer>(), redis.InstanceName, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<RedisStamps>>()));
        services.AddSingleton<ISessionRevocations>(provider => new RedisSessionRevocations(
            provider.GetRequiredService<IConnectionMultiplexer>(), redis.InstanceName, provider.GetRequiredService<ILogger<RedisSessionRevocations>>()));
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
