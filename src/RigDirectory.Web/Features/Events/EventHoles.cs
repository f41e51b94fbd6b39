using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure.Holes;

namespace RigDirectory.Web.Features.Events;

/// <summary>
/// What of an event's page is the visitor's: their registration (and place on the waitlist), which decides the join
/// link and the "Your place" box. Rendered whole, the page's own model is used (<see cref="Remember"/>); shared by
/// every signed-in visitor, one statement per request reads what the two holes show, once for both.
/// </summary>
public sealed class EventViewerParts(AppDbContext db, TimeProvider clock)
{
    private const string Key = nameof(EventViewerParts);

    /// <summary>The page rendered whole for this visitor: its holes read it rather than the database (not the shared page's, rendered for nobody).</summary>
    public static void Remember(HttpContext context, EventPageViewModel page)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!SharedRender.IsActive(context))
        {
            context.Items[Key] = page;
        }
    }

    public async Task<EventPageViewModel?> ForAsync(HttpContext context, ClaimsPrincipal viewer, int id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(Key, out var held) && held is EventPageViewModel page && page.Event.Id == id)
        {
            return page;
        }

        var userId = Auditing.Actor.From(viewer).UserId;
        var row = await db.Events.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new
            {
                // What the two holes read; the rest of the page is shared and comes from the cache.
                Event = new EventDetails(
                    e.Id, e.Title, e.Type, null, e.StartsAt, e.EndsAt, e.TimeZoneId, e.Format, null, e.JoinUrl, e.Audience,
                    e.Capacity, e.SeatsTaken, null, e.RegistrationOpensAt, e.RegistrationClosesAt, e.Status, e.HiddenAt, null,
                    e.RigId, null, null, null, e.Rig!.School!.Name, null, null, new List<CoHostRig>(), new List<SessionRow>()),
                Mine = e.Registrations.Where(r => r.UserId == userId).Select(r => new { r.Status, r.RegisteredAt }).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var position = row.Mine is { } mine ? await WaitlistPositionAsync(db, id, mine.Status, mine.RegisteredAt, cancellationToken) : null;
        page = new EventPageViewModel(row.Event, row.Mine?.Status, position, Hosts: false, Admin: false, SignedIn: userId is not null, clock.GetUtcNow().UtcDateTime);
        context.Items[Key] = page;
        return page;
    }

    /// <summary>A waiting student's place in the queue (1 for the first); null for a registration that is not waiting.</summary>
    public static async Task<int?> WaitlistPositionAsync(AppDbContext db, int eventId, RegistrationStatus status, DateTime registeredAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return EventRules.IsWaiting(status)
            ? 1 + await db.EventRegistrations.Where(r => r.EventId == eventId && r.RegisteredAt < registeredAt).CountAsync(EventRules.Waiting, cancellationToken)
            : null;
    }
}

/// <summary>A part of an event's page that shows the visitor's registration (<see cref="EventViewerParts"/>) through its partial.</summary>
public abstract class EventViewerHole(EventViewerParts parts, string partial) : IHole
{
    public async Task<HoleView?> ViewAsync(HttpContext context, ClaimsPrincipal viewer, string argument, CancellationToken cancellationToken) =>
        int.TryParse(argument, out var id) && await parts.ForAsync(context, viewer, id, cancellationToken) is { } page
            ? new HoleView(partial, page)
            : null;
}

/// <summary>The join link of an online event, for a visitor who holds a seat (or hosts it).</summary>
public sealed class EventJoinHole(EventViewerParts parts) : EventViewerHole(parts, "/Features/Events/_Join.cshtml")
{
    public const string Name = "event-join";
}

/// <summary>"Your place": the visitor's registration, and the form to register, join the waitlist or cancel.</summary>
public sealed class EventPlaceHole(EventViewerParts parts) : EventViewerHole(parts, "/Features/Events/_Place.cshtml")
{
    public const string Name = "event-place";
}
