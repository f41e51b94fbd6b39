using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Infrastructure;

namespace RigDirectory.Web.Features.Events;

/// <summary>
/// The calendar feeds: an event's .ics, a RIG's, a region's, ACR's, and a student's own behind a secret address.
/// Public feeds are output-cached and evicted by <see cref="EventCache"/>; none carries a join link.
/// </summary>
[AllowAnonymous]
public sealed class EventFeedsController(AppDbContext db, CalendarFeeds feeds, TimeProvider clock) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>"Add to calendar": the one event as an .ics file.</summary>
    [HttpGet("events/{id:int}/calendar.ics")]
    [OutputCache(PolicyName = DirectoryCache.Policy)]
    public async Task<IActionResult> Ics(int id, CancellationToken cancellationToken)
    {
        var rows = await db.Events.Where(e => e.Id == id).ForFeed(DateTime.MinValue).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return NotFound();
        }

        HttpContext.TagCachedResponse(EventCache.EventTag(id));
        return Calendar(rows[0].Title, rows, $"event-{id}.ics");
    }

    [HttpGet("events/acr.ics")]
    [OutputCache(PolicyName = DirectoryCache.Policy, Tags = [EventCache.AcrTag])]
    public async Task<IActionResult> AcrFeed(CancellationToken cancellationToken) =>
        Calendar("ACR Medical Student Section events", await db.Events.Where(e => e.RigId == null).ForFeed(EventQueries.FeedSince(Now)).ToListAsync(cancellationToken), null);

    [HttpGet("rigs/{slug}/events.ics")]
    [OutputCache(PolicyName = DirectoryCache.Policy)]
    public async Task<IActionResult> RigFeed([StringLength(Limits.Slug)] string slug, CancellationToken cancellationToken)
    {
        // Changes to its events evict the RIG's tag (and a change to the RIG itself does too).
        HttpContext.TagCachedResponse(DirectoryCache.RigTag(slug));
        var rig = await db.Rigs.AsNoTracking().Published().Where(r => r.Slug == slug).Select(r => new { r.Id, r.Name }).SingleOrDefaultAsync(cancellationToken);
        if (!ModelState.IsValid || rig is null)
        {
            return NotFound();
        }

        return Calendar($"{rig.Name} events", await EventQueries.HostedBy(db, rig.Id).ForFeed(EventQueries.FeedSince(Now)).ToListAsync(cancellationToken), null);
    }

    [HttpGet("regions/{slug}/events.ics")]
    [OutputCache(PolicyName = DirectoryCache.Policy)]
    public async Task<IActionResult> RegionFeed([StringLength(Limits.Slug)] string slug, CancellationToken cancellationToken)
    {
        // A feed of hundreds of events is costly to write: only changes to this region's events evict it.
        HttpContext.TagCachedResponse(DirectoryCache.RegionTag(slug));
        var region = await db.Regions.AsNoTracking().Active().Where(r => r.Slug == slug).Select(r => new { r.Id, r.Name }).SingleOrDefaultAsync(cancellationToken);
        if (!ModelState.IsValid || region is null)
        {
            return NotFound();
        }

        // ACR's events for the region and its RIGs' events, each read from its own index, then merged.
        var since = EventQueries.FeedSince(Now);
        var acr = await db.Events.Where(e => e.RigId == null && e.RegionId == region.Id).ForFeed(since).ToListAsync(cancellationToken);
        var rigs = await db.Events.Where(e => e.Rig!.School!.Jurisdiction!.RegionId == region.Id).ForFeed(since).ToListAsync(cancellationToken);
        var events = acr.Concat(rigs).OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Take(EventQueries.FeedLimit).ToList();
        return Calendar($"RIG events in {region.Name}", events, null);
    }

    /// <summary>A student's own feed: the events they registered for, at an address only they know (and can replace).</summary>
    [HttpGet("calendar/{token}.ics")]
    public async Task<IActionResult> PersonalFeed(string token, CancellationToken cancellationToken)
    {
        if (!Tokens.LooksValid(token))
        {
            return NotFound();
        }

        var hash = Tokens.Hash(token);
        var userId = await db.CalendarFeedKeys.Where(k => k.TokenHash == hash).Select(k => k.UserId).SingleOrDefaultAsync(cancellationToken);
        if (userId is null)
        {
            return NotFound();
        }

        var events = await db.Events.Where(e => e.Registrations.Any(r => r.UserId == userId && r.Status != RegistrationStatus.Cancelled)).ForFeed(EventQueries.FeedSince(Now)).ToListAsync(cancellationToken);
        Response.Headers.CacheControl = "private, no-store";
        return Calendar("My RigDirectory events", events, null);
    }

    private FileContentResult Calendar(string name, IReadOnlyList<FeedEvent> events, string? download)
    {
        var body = Encoding.UTF8.GetBytes(feeds.Write(name, events));
        return download is null ? File(body, CalendarFeeds.ContentType) : File(body, CalendarFeeds.ContentType, download);
    }
}
