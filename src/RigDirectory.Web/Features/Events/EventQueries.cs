using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Features.Events;

/// <summary>One row of a list of events: what a card shows, never the join link.</summary>
public sealed record EventCard(
    int Id,
    string Title,
    EventType Type,
    DateTime StartsAt,
    DateTime EndsAt,
    string TimeZoneId,
    EventFormat Format,
    string? Location,
    EventAudience Audience,
    EventStatus Status,
    string? RigSlug,
    string? RigName,
    string? SchoolName,
    string? RegionName,
    string? CoHostGroup,
    int? Capacity,
    int SeatsTaken)
{
    public string When => EventTimeZones.Describe(StartsAt, EndsAt, TimeZoneId);

    public string Host => RigName ?? "ACR Medical Student Section";

    public bool Full => Capacity is { } seats && SeatsTaken >= seats;
}

/// <summary>What the event feeds carry: RFC 5545 fields, never the join link.</summary>
public sealed record FeedEvent(
    int Id,
    string Title,
    EventType Type,
    string? Description,
    DateTime StartsAt,
    DateTime EndsAt,
    string TimeZoneId,
    EventFormat Format,
    string? Location,
    EventStatus Status,
    int Sequence,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string? RigName);

/// <summary>
/// The read side of events: which events are public (one rule, as SQL and in memory), the national list with its
/// filters, a place's upcoming events, and the feeds' rows. Each page is one query projected with <c>Select</c>.
/// </summary>
public static class EventQueries
{
    public const string AcrHost = "ACR Medical Student Section";

    /// <summary>The card of each event, as SQL.</summary>
    public static readonly Expression<Func<Event, EventCard>> Card = e => new EventCard(
        e.Id,
        e.Title,
        e.Type,
        e.StartsAt,
        e.EndsAt,
        e.TimeZoneId,
        e.Format,
        e.Location,
        e.Audience,
        e.Status,
        e.Rig!.Slug,
        e.Rig.Name,
        e.Rig.School!.Name,
        e.RigId == null ? e.Region!.Name : e.Rig.School.Jurisdiction!.Region!.Name,
        e.CoHostGroup,
        e.Capacity,
        e.SeatsTaken);

    public static readonly Expression<Func<Event, FeedEvent>> Feed = e => new FeedEvent(
        e.Id, e.Title, e.Type, e.Description, e.StartsAt, e.EndsAt, e.TimeZoneId, e.Format, e.Location, e.Status, e.Sequence, e.CreatedAt, e.UpdatedAt, e.Rig!.Name);

    /// <summary>Events not yet over, soonest first: scheduled ones only (a list is for finding what to attend).</summary>
    public static IQueryable<Event> Upcoming(this IQueryable<Event> events, DateTime now) =>
        events.Where(EventRules.Public).Where(e => e.Status == EventStatus.Scheduled && e.EndsAt >= now).OrderBy(e => e.StartsAt).ThenBy(e => e.Id);

    /// <summary>The national list from the snapshot, filtered, with the page asked for and the count of all that match.</summary>
    public static (IReadOnlyList<EventCard> Events, int Total) Search(EventSnapshot.Snapshot snapshot, EventSearchInput input, (double Latitude, double Longitude)? near, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(input);
        IEnumerable<EventSnapshot.Entry> query = snapshot.Events.Where(e => e.Card.EndsAt >= now);
        if (!string.IsNullOrEmpty(input.Region))
        {
            query = query.Where(e => e.RegionSlug == input.Region);
        }

        if (input.Type is { } type)
        {
            query = query.Where(e => e.Card.Type == type);
        }

        if (input.Online)
        {
            query = query.Where(e => e.Card.Format != EventFormat.InPerson);
        }

        if (input.From is { } from)
        {
            query = query.Where(e => e.StartsOn >= from);
        }

        if (input.To is { } to)
        {
            query = query.Where(e => e.StartsOn <= to);
        }

        if (near is { } place)
        {
            query = query.Where(e => e.Card.RigSlug is not null && e.Card.Format != EventFormat.Virtual && e.Latitude is { } latitude && e.Longitude is { } longitude
                && MentoringRules.DistanceMiles(place.Latitude, place.Longitude, latitude, longitude) <= input.Miles);
        }

        return PageOf(query, input.Page);
    }

    /// <summary>
    /// One pass that keeps only the page asked for (or the last page, when it asks past the end): tens of thousands of
    /// matches are counted, not copied.
    /// </summary>
    private static (IReadOnlyList<EventCard> Events, int Total) PageOf(IEnumerable<EventSnapshot.Entry> matches, int pageAsked)
    {
        var wanted = Math.Max(1, pageAsked) - 1;
        var page = new List<EventCard>(EventSearchInput.PageSize);
        var total = 0;
        foreach (var entry in matches)
        {
            if (total / EventSearchInput.PageSize <= wanted)
            {
                if (total % EventSearchInput.PageSize == 0)
                {
                    page.Clear();
                }

                page.Add(entry.Card);
            }

            total++;
        }

        return (page, total);
    }

    /// <summary>What a school's RIG hosts or co-hosts next.</summary>
    public static IReadOnlyList<EventCard> UpcomingAtSchool(EventSnapshot.Snapshot snapshot, string schoolSlug, DateTime now, int take) =>
        [.. (snapshot ?? throw new ArgumentNullException(nameof(snapshot))).Events.Where(e => e.Card.EndsAt >= now && e.SchoolSlugs.Contains(schoolSlug)).Take(take).Select(e => e.Card)];

    /// <summary>What is next in a region: its RIGs' events and ACR's for the region.</summary>
    public static IReadOnlyList<EventCard> UpcomingInRegion(EventSnapshot.Snapshot snapshot, string regionSlug, DateTime now, int take) =>
        [.. (snapshot ?? throw new ArgumentNullException(nameof(snapshot))).Events.Where(e => e.Card.EndsAt >= now && e.RegionSlug == regionSlug).Take(take).Select(e => e.Card)];

    /// <summary>A RIG's events for its feed: its own, and those it agreed to co-host (by id, so each side reads an index).</summary>
    public static IQueryable<Event> HostedBy(AppDbContext db, int rigId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var coHosted = db.Set<EventCoHost>().Where(EventRules.CoHostAccepted).Where(c => c.RigId == rigId).Select(c => c.EventId);
        return db.Events.Where(e => e.RigId == rigId || coHosted.Contains(e.Id));
    }

    /// <summary>A feed's events from <paramref name="since"/> (by their end) on, cancelled ones included, in start order.</summary>
    public static IQueryable<FeedEvent> ForFeed(this IQueryable<Event> events, DateTime since) =>
        events.AsNoTracking().Where(EventRules.Public).Where(e => e.EndsAt >= since).OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Take(FeedLimit).Select(Feed);

    /// <summary>A feed's window: what ended in the last <see cref="FeedPastDays"/> days and everything to come.</summary>
    public static DateTime FeedSince(DateTime now) => now.AddDays(-FeedPastDays);

    public const int FeedPastDays = 90;
    public const int FeedLimit = 500;

    public static string Count(int count) => count switch
    {
        0 => "No events",
        1 => "1 event",
        _ => $"{count.ToString("N0", CultureInfo.InvariantCulture)} events",
    };
}
