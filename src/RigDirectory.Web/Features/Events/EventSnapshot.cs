using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;

namespace RigDirectory.Web.Features.Events;

/// <summary>
/// Every public, scheduled event not yet over, held in memory with what the filters read: the national list, and
/// the school and region pages, filter and page it without SQL. Counting and sorting thousands of upcoming events
/// through their RIGs and schools took SQLite about 45 ms a statement at 12,000 events; the snapshot is built in one
/// statement and dropped on any change to an event or to a RIG's place in the directory (see <see cref="EventCache"/>),
/// on this instance and, through its stamp, on every other (<see cref="SharedCopy{T}"/>); and rebuilt at least every
/// <see cref="MaxAge"/>, as events pass.
/// </summary>
public sealed class EventSnapshot
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly SharedCopy<Snapshot> _copy;

    public EventSnapshot(IServiceScopeFactory scopes, TimeProvider clock, ISharedStamps stamps)
    {
        _scopes = scopes;
        _clock = clock;
        // Events pass as time does: a copy older than MaxAge is rebuilt even when nothing changed.
        _copy = new SharedCopy<Snapshot>("events", stamps, BuildAsync, snapshot => clock.GetUtcNow().UtcDateTime - snapshot.BuiltAt > MaxAge);
    }

    /// <summary>One upcoming event with what the filters compare.</summary>
    public sealed record Entry(EventCard Card, DateOnly StartsOn, string? RegionSlug, double? Latitude, double? Longitude, IReadOnlyList<string> SchoolSlugs);

    public sealed record Snapshot(IReadOnlyList<Entry> Events, DateTime BuiltAt);

    public Task<Snapshot> GetAsync() => _copy.GetAsync();

    /// <summary>Drops the snapshot, here and on every other instance; the next reader builds a fresh one.</summary>
    public Task InvalidateAsync() => _copy.DropAsync();

    /// <summary>
    /// A RIG was shown or hidden (approved, archived, restored): its events replace its rows in place, in one
    /// statement, rather than a rebuild of every row on the next read. Other instances rebuild theirs.
    /// </summary>
    public async Task RefreshRigAsync(int rigId, string slug, CancellationToken cancellationToken)
    {
        var (snapshot, generation) = _copy.Peek();
        if (snapshot is null)
        {
            await _copy.DropAsync();
            return;
        }

        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var fresh = await LoadAsync(db.Events.Where(e => e.RigId == rigId), snapshot.BuiltAt, cancellationToken);
        var merged = snapshot.Events.Where(e => e.Card.RigSlug != slug).Concat(fresh)
            .OrderBy(e => e.Card.StartsAt).ThenBy(e => e.Card.Id).ToList();
        await _copy.ReplaceAsync(snapshot, snapshot with { Events = merged }, generation);
    }

    private async Task<Snapshot> BuildAsync()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return new Snapshot(await LoadAsync(db.Events, now, CancellationToken.None), now);
    }

    private static async Task<List<Entry>> LoadAsync(IQueryable<Event> events, DateTime now, CancellationToken cancellationToken)
    {
        var rows = await events.AsNoTracking().Upcoming(now)
            .Select(e => new
            {
                Card = new EventCard(
                    e.Id, e.Title, e.Type, e.StartsAt, e.EndsAt, e.TimeZoneId, e.Format, e.Location, e.Audience, e.Status,
                    e.Rig!.Slug, e.Rig.Name, e.Rig.School!.Name,
                    e.RigId == null ? e.Region!.Name : e.Rig.School.Jurisdiction!.Region!.Name,
                    e.CoHostGroup, e.Capacity, e.SeatsTaken),
                e.StartsOn,
                RegionSlug = e.RigId == null ? e.Region!.Slug : e.Rig!.School!.Jurisdiction!.Region!.Slug,
                Latitude = (double?)e.Rig!.School!.Latitude,
                Longitude = (double?)e.Rig.School.Longitude,
                School = e.Rig.School.Slug,
                // Joined into one string, so that the snapshot is one statement.
                CoHostSchools = string.Join(",", e.CoHosts.AsQueryable().Where(EventRules.CoHostAccepted).Select(c => c.Rig!.School!.Slug)),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Entry(r.Card, r.StartsOn, r.RegionSlug, r.Latitude, r.Longitude, [.. new[] { r.School }.Concat(r.CoHostSchools.Split(',', StringSplitOptions.RemoveEmptyEntries)).OfType<string>()]))];
    }
}
