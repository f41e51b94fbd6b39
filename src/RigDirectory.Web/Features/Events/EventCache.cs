using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Features.Directory;

namespace RigDirectory.Web.Features.Events;

/// <summary>
/// Event pages and feeds are output-cached with the directory's policies and tagged by what they show:
/// <c>event:{id}</c> on an event's page and .ics, <c>events</c> on the national list, <c>events:acr</c> on ACR's feed,
/// and the directory's own tags (<c>rig:</c>, <c>school:</c>, <c>region:</c>) on the pages and feeds of a place. A
/// change to an event evicts its page, the list, and its hosts' and region's pages and feeds (ACR's feed for ACR's
/// events), so a feed of hundreds of events is written again only when one of its own changes; a registration
/// changes only the event's page.
/// </summary>
public sealed class EventCache(IOutputCacheStore store, EventSnapshot snapshot)
{
    public const string ListTag = "events";

    /// <summary>ACR's feed.</summary>
    public const string AcrTag = "events:acr";

    /// <summary>The list at <c>/events</c>: varied by its own filters only (registered with the directory's policies).</summary>
    public const string ListPolicy = "Events";

    public static string EventTag(int id) => $"event:{id}";

    /// <summary>A registration or cancellation: only the event's page shows seats.</summary>
    public ValueTask EvictSeatsAsync(int eventId, CancellationToken cancellationToken) => store.EvictByTagAsync(EventTag(eventId), cancellationToken);

    /// <summary>
    /// The event changed (or appeared, or went): its page, the lists and feeds, and its hosts' pages, including those
    /// of RIGs that hosted it until this change (<paramref name="formerCoHosts"/>).
    /// </summary>
    public async Task EvictAsync(AppDbContext db, int eventId, CancellationToken cancellationToken, IReadOnlyCollection<int>? formerCoHosts = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        await snapshot.InvalidateAsync();
        var tags = new List<string> { EventTag(eventId), ListTag };
        var hosts = await db.Events.AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new { e.RigId, Region = e.Region!.Slug, CoHosts = e.CoHosts.Select(c => c.RigId).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (hosts is not null)
        {
            if (hosts.RigId is null)
            {
                tags.Add(AcrTag);
            }

            if (hosts.Region is not null)
            {
                tags.Add(DirectoryCache.RegionTag(hosts.Region));
            }

            List<int> rigIds = [.. hosts.RigId is { } host ? [host] : Array.Empty<int>(), .. hosts.CoHosts, .. formerCoHosts ?? []];
            var rigs = await db.Rigs.AsNoTracking().Where(r => rigIds.Contains(r.Id))
                .Select(r => new { r.Slug, School = r.School!.Slug, Region = r.School.Jurisdiction!.Region!.Slug })
                .ToListAsync(cancellationToken);
            foreach (var rig in rigs)
            {
                tags.AddRange([DirectoryCache.RigTag(rig.Slug), DirectoryCache.SchoolTag(rig.School), DirectoryCache.RegionTag(rig.Region)]);
            }
        }

        foreach (var tag in tags.Distinct(StringComparer.Ordinal))
        {
            await store.EvictByTagAsync(tag, cancellationToken);
        }
    }
}
