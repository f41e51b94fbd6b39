using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;
using EventFormat = RigDirectory.Web.Domain.EventFormat;

namespace RigDirectory.Web.Features.Events;

/// <summary>
/// Writes events as RFC 5545 calendars with Ical.Net: a stable UID per event, its SEQUENCE, STATUS:CANCELLED for a
/// cancelled one, and times in the venue's zone with its VTIMEZONE, so calendar apps show them right across
/// daylight-saving changes. Links come from the public base URL; the join link is never written.
/// </summary>
public sealed class CalendarFeeds(PublicUrls urls)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>The UID an event keeps for life, whatever changes: calendars match updates on it.</summary>
    public string Uid(int eventId) => $"event-{eventId}@{new Uri(urls.Absolute("/")).Host}";

    public string Write(string name, IEnumerable<FeedEvent> events, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(events);
        var calendar = new Calendar { ProductId = "-//ACR Medical Student Section//RigDirectory//EN" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-PUBLISHED-TTL", "PT6H");
        var list = events.ToList();
        foreach (var zone in list.Select(e => EventTimeZones.Get(e.TimeZoneId).Id).Distinct(StringComparer.Ordinal))
        {
            // Rules from a year before the earliest event: enough for every time in the feed, short enough to read.
            var earliest = list.Where(e => EventTimeZones.Get(e.TimeZoneId).Id == zone).Min(e => e.StartsAt).AddYears(-1);
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone, earliest, includeHistoricalData: false));
        }

        foreach (var e in list)
        {
            var zone = EventTimeZones.Get(e.TimeZoneId).Id;
            var link = urls.Action("Show", "Events", new { id = e.Id });
            var where = e.Format switch
            {
                EventFormat.Virtual => "Online (the join link is on the event's page for those registered)",
                EventFormat.Hybrid => $"{e.Location} and online",
                _ => e.Location,
            };
            calendar.Events.Add(new CalendarEvent
            {
                Uid = Uid(e.Id),
                Summary = e.Title,
                Description = $"{e.RigName ?? EventQueries.AcrHost} · {e.Type.DisplayName()}" + (string.IsNullOrWhiteSpace(e.Description) ? "" : $"\n\n{e.Description}") + $"\n\n{link}",
                DtStart = new CalDateTime(EventTimeZones.ToLocal(e.StartsAt, zone), zone),
                DtEnd = new CalDateTime(EventTimeZones.ToLocal(e.EndsAt, zone), zone),
                DtStamp = new CalDateTime(now, true),
                Created = new CalDateTime(e.CreatedAt, true),
                LastModified = new CalDateTime(e.UpdatedAt, true),
                Sequence = e.Sequence,
                Status = e.Status == Domain.EventStatus.Cancelled ? Ical.Net.EventStatus.Cancelled : Ical.Net.EventStatus.Confirmed,
                Location = where,
                Url = new Uri(link),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
