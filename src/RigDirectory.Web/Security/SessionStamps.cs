using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using RigDirectory.Web.Data;

namespace RigDirectory.Web.Security;

/// <summary>
/// Each signed-in account's security stamp, kept in memory so that checking a session on every request costs no
/// query: read from the database once, then forgotten the moment its account manager changes the account (password,
/// roles, lockout, deletion) here, and on every other instance through <see cref="ISessionRevocations"/> (Redis)
/// when several run. An account changed in the last <see cref="Settling"/> is read from the database on each request,
/// so a change saved inside a transaction that commits a moment later is not cached in its old state meanwhile.
/// While a revocation from another instance could be missed (Redis unreachable), every request reads the database.
/// </summary>
public sealed class SessionStamps : IDisposable
{
    /// <summary>How many accounts are kept; past it the least recently used go first (about 10 MB).</summary>
    public const int Capacity = 100_000;

    public static readonly TimeSpan Settling = TimeSpan.FromSeconds(30);

    private static readonly Func<AppDbContext, string, Task<string?>> StoredStamp =
        EF.CompileAsyncQuery((AppDbContext db, string userId) => db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefault());

    private readonly MemoryCache _stamps = new(new MemoryCacheOptions { SizeLimit = Capacity });
    private readonly ISessionRevocations _revocations;
    private readonly TimeProvider _clock;
    private long _generation;

    public SessionStamps(ISessionRevocations revocations, TimeProvider clock)
    {
        _revocations = revocations;
        _clock = clock;
        revocations.Subscribe(ForgetHere, ForgetAll);
    }

    /// <summary>The account's stamp now, or null when the account no longer exists; <paramref name="db"/> is asked for only on a miss.</summary>
    public async Task<string?> CurrentAsync(Func<AppDbContext> db, string userId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = _clock.GetUtcNow();
        if (_stamps.TryGetValue(userId, out Entry? entry) && entry!.Known && _revocations.Reliable)
        {
            return entry.Stamp;
        }

        var generation = Interlocked.Read(ref _generation);
        var stamp = await StoredStamp(db(), userId);
        // Kept only when no account changed while it was read, and when this one's last change has settled.
        if (entry is { Known: false } && entry.SettledAt > now || !_revocations.Reliable || Interlocked.Read(ref _generation) != generation)
        {
            return stamp;
        }

        _stamps.Set(userId, new Entry(true, stamp, DateTimeOffset.MinValue), Options(_revocations.Lifetime));
        return stamp;
    }

    /// <summary>The account changed: every instance reads its stamp from the database again.</summary>
    public async Task ForgetAsync(string userId)
    {
        ForgetHere(userId);
        await _revocations.PublishAsync(userId);
    }

    public void Dispose() => _stamps.Dispose();

    private void ForgetHere(string userId)
    {
        Interlocked.Increment(ref _generation);
        _stamps.Set(userId, new Entry(false, null, _clock.GetUtcNow() + Settling), Options(Settling));
    }

    private void ForgetAll()
    {
        Interlocked.Increment(ref _generation);
        _stamps.Clear();
    }

    private static MemoryCacheEntryOptions Options(TimeSpan? lifetime) => new()
    {
        Size = 1,
        SlidingExpiration = lifetime is null ? TimeSpan.FromMinutes(20) : null,
        AbsoluteExpirationRelativeToNow = lifetime,
    };

    /// <param name="Known">Whether <paramref name="Stamp"/> was read; if not, the entry says the account changed, and
    /// until <paramref name="SettledAt"/> the database is read on every request.</param>
    private sealed record Entry(bool Known, string? Stamp, DateTimeOffset SettledAt);
}

/// <summary>How an account's change reaches the other instances' <see cref="SessionStamps"/>.</summary>
public interface ISessionRevocations
{
    /// <summary>Whether a change on another instance reaches this one now: always alone; with Redis, while connected.</summary>
    bool Reliable { get; }

    /// <summary>How long a stamp is trusted without hearing of a change: as long as it is used alone (null); bounded with Redis, in case a message was lost.</summary>
    TimeSpan? Lifetime { get; }

    /// <summary><paramref name="revoked"/> for one account changed elsewhere; <paramref name="all"/> when messages may have been missed.</summary>
    void Subscribe(Action<string> revoked, Action all);

    Task PublishAsync(string userId);
}

/// <summary>One instance: its own changes are all there are.</summary>
internal sealed class LocalSessionRevocations : ISessionRevocations
{
    public bool Reliable => true;

    public TimeSpan? Lifetime => null;

    public void Subscribe(Action<string> revoked, Action all)
    {
    }

    public Task PublishAsync(string userId) => Task.CompletedTask;
}
