using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Events;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Events.MyEvents;

/// <summary>
/// A student's events (registered or waiting, to come and past) and their personal calendar feed: a secret address
/// shown once when made; making a new one stops the old one, and it can be turned off.
/// </summary>
[Route("my/events")]
public sealed class MyEventsController(AppDbContext db, PublicUrls urls, TimeProvider clock) : Controller
{
    private const string NewFeedKey = "NewFeedUrl";

    private string UserId => this.Actor().UserId!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-EventQueries.FeedPastDays);
        var status = await db.EventRegistrations.AsNoTracking()
            .Where(r => r.UserId == UserId && r.Status != RegistrationStatus.Cancelled && r.Event!.EndsAt >= since)
            .OrderBy(r => r.Event!.StartsAt).Take(EventQueries.FeedLimit)
            .ToDictionaryAsync(r => r.EventId, r => r.Status, cancellationToken);
        var ids = status.Keys.ToList();
        var cards = await db.Events.AsNoTracking().Where(e => ids.Contains(e.Id)).Where(EventRules.Public).Select(EventQueries.Card).ToListAsync(cancellationToken);
        var hasFeed = await db.CalendarFeedKeys.AnyAsync(k => k.UserId == UserId, cancellationToken);
        return View(new MyEventsViewModel([.. cards.OrderBy(c => c.StartsAt).Select(c => new MyEventRow(c, status[c.Id]))], TempData[NewFeedKey] as string, hasFeed));
    }

    /// <summary>Makes the personal feed's address (replacing any earlier one, which stops working).</summary>
    [HttpPost("feed")]
    public async Task<IActionResult> NewFeed(CancellationToken cancellationToken)
    {
        var token = Tokens.New();
        var key = await db.CalendarFeedKeys.SingleOrDefaultAsync(k => k.UserId == UserId, cancellationToken);
        if (key is null)
        {
            db.CalendarFeedKeys.Add(new CalendarFeedKey { UserId = UserId, TokenHash = Tokens.Hash(token), CreatedAt = clock.GetUtcNow().UtcDateTime });
        }
        else
        {
            key.TokenHash = Tokens.Hash(token);
            key.CreatedAt = clock.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData[NewFeedKey] = urls.Action("PersonalFeed", "EventFeeds", new { token });
        TempData.SetStatus(key is null ? "Your calendar address is ready: copy it now." : "Your new calendar address is ready; the old one no longer works.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("feed/delete")]
    public async Task<IActionResult> DeleteFeed(CancellationToken cancellationToken)
    {
        var removed = await db.WriteAsync(() => db.CalendarFeedKeys.Where(k => k.UserId == UserId).ExecuteDeleteAsync(cancellationToken), cancellationToken);
        TempData.SetStatus(removed > 0 ? "Your calendar address no longer works; calendars subscribed to it stop updating." : "You have no calendar address.");
        return RedirectToAction(nameof(Index));
    }
}
