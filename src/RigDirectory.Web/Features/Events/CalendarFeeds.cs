using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Caching.Memory;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;
using EventFormat = RigDirectory.Web.Domain.EventFormat;

namespace RigDirectory.Web.Features.Events;

/// <summary>
/// Writes events as RFC 5545 calendars with Ical.Net: a stable UID per event, its SEQUENCE, STATUS:CANCELLED for a
/// cancelled one, and times in the venue's zone with its VTIMEZONE, so calendar apps show them right across
/// daylight-saving changes. Links come from the public base URL; the join link is never written.
/// </summary>
/// <remarks>
/// Ical.Net takes about 0.1 ms an event, so a region's feed of 500 events cost 60–120 ms to write. Each event's
/// VEVENT and each zone's VTIMEZONE is therefore serialized once and kept (<see cref="CalendarFragments"/>), keyed
/// by the event's id, sequence and last change; a feed is those blocks joined. DTSTAMP is the event's last change,
/// so the same version of an event always reads the same.
/// </remarks>
public sealed class CalendarFeeds(PublicUrls urls, CalendarFragments fragments)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>The UID an event keeps for life, whatever changes: calendars match updates on it.</summary>
    public string Uid(int eventId) => $"event-{eventId}@{new Uri(urls.Absolute("/")).Host}";

    public string Write(string name, IEnumerable<FeedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var list = events.ToList();
        var header = new Calendar { ProductId = "-//ACR Medical Student Section//RigDirectory//EN" };
        header.AddProperty("X-WR-CALNAME", name);
        header.AddProperty("X-PUBLISHED-TTL", "PT6H");
        var text = Serialize(header);
        var end = text.LastIndexOf("END:VCALENDAR", StringComparison.Ordinal);
        var feed = new StringBuilder(text, 0, end, 1024 + (list.Count * 600));
        foreach (var zone in list.GroupBy(e => EventTimeZones.Get(e.TimeZoneId).Id))
        {
            // Rules from a year before the zone's earliest event: enough for every time in the feed, short enough to read.
            var from = zone.Min(e => e.StartsAt).Year - 1;
            feed.Append(fragments.Get($"zone:{zone.Key}:{from}", () => Block(Serialize(WithTimeZone(zone.Key, from)), "VTIMEZONE")));
        }

        foreach (var e in list)
        {
            feed.Append(fragments.Get($"event:{e.Id}:{e.Sequence}:{e.UpdatedAt.Ticks}:{e.RigName}", () => Block(Serialize(WithEvent(e)), "VEVENT")));
        }

        return feed.Append("END:VCALENDAR\r\n").ToString();
    }

    private static Calendar WithTimeZone(string zone, int fromYear)
    {
        var calendar = new Calendar();
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone, new DateTime(fromYear, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), includeHistoricalData: false));
        return calendar;
    }

    private Calendar WithEvent(FeedEvent e)
    {
        var zone = EventTimeZones.Get(e.TimeZoneId).Id;
        var link = urls.Action("Show", "Events", new { id = e.Id });
        var where = e.Format switch
        {
            EventFormat.Virtual => "Online (the join link is on the event's page for those registered)",
            EventFormat.Hybrid => $"{e.Location} and online",
            _ => e.Location,
        };
        var calendar = new Calendar();
        calendar.Events.Add(new CalendarEvent
        {
            Uid = Uid(e.Id),
            Summary = e.Title,
            Description = $"{e.RigName ?? EventQueries.AcrHost} · {e.Type.DisplayName()}" + (string.IsNullOrWhiteSpace(e.Description) ? "" : $"\n\n{e.Description}") + $"\n\n{link}",
            DtStart = new CalDateTime(EventTimeZones.ToLocal(e.StartsAt, zone), zone),
            DtEnd = new CalDateTime(EventTimeZones.ToLocal(e.EndsAt, zone), zone),
            DtStamp = new CalDateTime(e.UpdatedAt, true),
            Created = new CalDateTime(e.CreatedAt, true),
            LastModified = new CalDateTime(e.UpdatedAt, true),
            Sequence = e.Sequence,
            Status = e.Status == Domain.EventStatus.Cancelled ? Ical.Net.EventStatus.Cancelled : Ical.Net.EventStatus.Confirmed,
            Location = where,
            Url = new Uri(link),
        });
        return calendar;
    }

    private static string Serialize(Calendar calendar) => new CalendarSerializer().SerializeToString(calendar) ?? "";

    /// <summary>The one BEGIN:<paramref name="component"/> … END block of a serialized calendar, with its line ending.</summary>
    private static string Block(string calendar, string component)
    {
        var begin = calendar.IndexOf($"BEGIN:{component}", StringComparison.Ordinal);
        var end = calendar.IndexOf($"END:{component}", begin, StringComparison.Ordinal) + $"END:{component}".Length;
        return calendar[begin..end] + "\r\n";
    }
}

/// <summary>Serialized VEVENT and VTIMEZONE blocks, kept by the version of what they describe (bounded; least used go first).</summary>
public sealed class CalendarFragments : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 50_000 });

    public string Get(string key, Func<string> make) =>
        _cache.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromDays(1);
            return make();
        })!;

    public void Dispose() => _cache.Dispose();
}
