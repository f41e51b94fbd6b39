using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Directory.Rigs;

/// <summary>A RIG a visitor said they are interested in: since when, and the email they shared.</summary>
public sealed record ShownInterest(DateTime Since, string SharedEmail);

/// <summary>What the profile's interest box needs to know of one signed-in visitor, for any RIG.</summary>
/// <param name="Interests">By the RIG's slug.</param>
/// <param name="Leads">The slugs of the RIGs they lead.</param>
public sealed record ViewerFacts(long Stamp, string? AccountEmail, string? OwnSchool, IReadOnlyDictionary<string, ShownInterest> Interests, IReadOnlySet<string> Leads);

/// <summary>
/// <see cref="ViewerFacts"/> kept in memory per account, so that a signed-in profile costs no query for its interest
/// box: read once, forgotten when the visitor shows or withdraws interest and when a RIG they lead (or led) changes,
/// on every instance (a shared stamp per account, in Redis when several run). Kept at most 20 idle minutes, so an
/// email changed in the account settings shows in the form's default within that.
/// </summary>
public sealed class InterestViewers(ISharedStamps stamps) : IDisposable
{
    /// <summary>Accounts kept at once; past it the least recently used go first (a few hundred bytes each).</summary>
    public const int Capacity = 50_000;

    private readonly MemoryCache _facts = new(new MemoryCacheOptions { SizeLimit = Capacity });
    private long _generation;

    private static string StampName(string userId) => $"viewer:{userId}";

    public async Task<ViewerFacts> GetAsync(AppDbContext db, string userId, CancellationToken cancellationToken)
    {
        var stamp = await stamps.ReadAsync(StampName(userId));
        if (_facts.TryGetValue(userId, out ViewerFacts? kept) && kept!.Stamp == stamp)
        {
            return kept;
        }

        var generation = Interlocked.Read(ref _generation);
        var facts = await LoadAsync(db, userId, stamp, cancellationToken);
        // Not kept when a visitor's facts changed while these were read: they may be from before the change.
        if (Interlocked.Read(ref _generation) == generation)
        {
            _facts.Set(userId, facts, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(20) });
        }

        return facts;
    }

    public async Task ForgetAsync(IEnumerable<string> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        foreach (var userId in userIds.Distinct(StringComparer.Ordinal))
        {
            Interlocked.Increment(ref _generation);
            _facts.Remove(userId);
            await stamps.BumpAsync(StampName(userId));
        }
    }

    public void Dispose() => _facts.Dispose();

    private static async Task<ViewerFacts> LoadAsync(AppDbContext db, string userId, long stamp, CancellationToken cancellationToken)
    {
        var interests = await db.RigInterests.AsNoTracking().Where(i => i.UserId == userId)
            .OrderByDescending(i => i.CreatedAt)
            .Select(i => new { i.Rig!.Slug, i.CreatedAt, i.SharedEmail, i.School })
            .ToListAsync(cancellationToken);
        // Three small statements, once per visitor and change (SQLite cannot nest the RIGs led in the account's row).
        var email = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        var leads = await db.Rigs.AsNoTracking().LedBy(userId).Select(r => r.Slug).ToListAsync(cancellationToken);
        return new ViewerFacts(
            stamp,
            email,
            interests.FirstOrDefault()?.School,
            interests.ToDictionary(i => i.Slug, i => new ShownInterest(i.CreatedAt, i.SharedEmail), StringComparer.Ordinal),
            leads.ToHashSet(StringComparer.Ordinal));
    }
}

/// <summary>Forgets the facts a committed change alters: the visitor's own interest, or who leads a RIG.</summary>
public sealed class InterestViewersListener(AppDbContext db, InterestViewers viewers) : IChangeListener
{
    public async Task ChangedAsync(Change change, CancellationToken cancellationToken)
    {
        switch (change)
        {
            case InterestChanged interest:
                await viewers.ForgetAsync([interest.UserId]);
                break;
            case RigChanged rig when rig.What != RigChange.Listing:
                // Everyone who leads it, led it, or started it: an officer added or ended, an approval, a new name.
                var people = await db.Rigs.AsNoTracking().Where(r => r.Id == rig.RigId)
                    .Select(r => new { Officers = r.Officers.Select(o => o.UserId).ToList(), r.CreatedByUserId })
                    .SingleOrDefaultAsync(cancellationToken);
                if (people is not null)
                {
                    await viewers.ForgetAsync(people.CreatedByUserId is { } starter ? [.. people.Officers, starter] : people.Officers);
                }

                break;
        }
    }
}
