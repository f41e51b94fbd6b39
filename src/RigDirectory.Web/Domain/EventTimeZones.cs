using System.Globalization;

namespace RigDirectory.Web.Domain;

/// <summary>One of the zones an event can be in, with the names shown beside its times.</summary>
public sealed record EventTimeZone(string Id, string Label, string StandardName, string StandardAbbreviation, string? DaylightName, string? DaylightAbbreviation)
{
    public TimeZoneInfo Info { get; } = TimeZoneInfo.FindSystemTimeZoneById(Id);

    /// <summary>The zone's name at <paramref name="utc"/>: daylight or standard time.</summary>
    public string NameAt(DateTime utc) => DaylightName is not null && Info.IsDaylightSavingTime(utc) ? DaylightName : StandardName;

    public string AbbreviationAt(DateTime utc) => DaylightAbbreviation is not null && Info.IsDaylightSavingTime(utc) ? DaylightAbbreviation : StandardAbbreviation;
}

/// <summary>
/// The venue time zones of the United States and Canada, from Hawaii to Newfoundland, and the conversions between a
/// venue's wall-clock time and the stored UTC instant. Names are our own, so they read the same on every server.
/// </summary>
public static class EventTimeZones
{
    public const string Default = "America/New_York";

    public static readonly IReadOnlyList<EventTimeZone> All =
    [
        new("Pacific/Honolulu", "Hawaii", "Hawaii Standard Time", "HST", null, null),
        new("America/Anchorage", "Alaska", "Alaska Standard Time", "AKST", "Alaska Daylight Time", "AKDT"),
        new("America/Los_Angeles", "Pacific (Los Angeles, Seattle)", "Pacific Standard Time", "PST", "Pacific Daylight Time", "PDT"),
        new("America/Vancouver", "Pacific (Vancouver)", "Pacific Standard Time", "PST", "Pacific Daylight Time", "PDT"),
        new("America/Whitehorse", "Yukon (no daylight time)", "Yukon Standard Time", "MST", null, null),
        new("America/Phoenix", "Arizona (no daylight time)", "Mountain Standard Time", "MST", null, null),
        new("America/Denver", "Mountain (Denver, Salt Lake City)", "Mountain Standard Time", "MST", "Mountain Daylight Time", "MDT"),
        new("America/Boise", "Mountain (Boise)", "Mountain Standard Time", "MST", "Mountain Daylight Time", "MDT"),
        new("America/Edmonton", "Mountain (Edmonton, Calgary)", "Mountain Standard Time", "MST", "Mountain Daylight Time", "MDT"),
        new("America/Regina", "Saskatchewan (no daylight time)", "Central Standard Time", "CST", null, null),
        new("America/Chicago", "Central (Chicago, Houston)", "Central Standard Time", "CST", "Central Daylight Time", "CDT"),
        new("America/Winnipeg", "Central (Winnipeg)", "Central Standard Time", "CST", "Central Daylight Time", "CDT"),
        new("America/New_York", "Eastern (New York, Boston)", "Eastern Standard Time", "EST", "Eastern Daylight Time", "EDT"),
        new("America/Detroit", "Eastern (Detroit)", "Eastern Standard Time", "EST", "Eastern Daylight Time", "EDT"),
        new("America/Indiana/Indianapolis", "Eastern (Indianapolis)", "Eastern Standard Time", "EST", "Eastern Daylight Time", "EDT"),
        new("America/Kentucky/Louisville", "Eastern (Louisville)", "Eastern Standard Time", "EST", "Eastern Daylight Time", "EDT"),
        new("America/Toronto", "Eastern (Toronto, Montréal)", "Eastern Standard Time", "EST", "Eastern Daylight Time", "EDT"),
        new("America/Puerto_Rico", "Atlantic (Puerto Rico, no daylight time)", "Atlantic Standard Time", "AST", null, null),
        new("America/Halifax", "Atlantic (Halifax)", "Atlantic Standard Time", "AST", "Atlantic Daylight Time", "ADT"),
        new("America/Moncton", "Atlantic (Moncton)", "Atlantic Standard Time", "AST", "Atlantic Daylight Time", "ADT"),
        new("America/St_Johns", "Newfoundland (St. John's)", "Newfoundland Standard Time", "NST", "Newfoundland Daylight Time", "NDT"),
    ];

    private static readonly Dictionary<string, EventTimeZone> ById = All.ToDictionary(z => z.Id, StringComparer.Ordinal);

    public static bool IsKnown(string? id) => id is not null && ById.ContainsKey(id);

    /// <summary>The zone by id; an unknown id (a zone retired from the list) reads as the default rather than failing a page.</summary>
    public static EventTimeZone Get(string? id) => id is not null && ById.TryGetValue(id, out var zone) ? zone : ById[Default];

    /// <summary>
    /// The instant a venue's wall clock shows <paramref name="local"/>. A time the clocks skip (2:30 on the spring
    /// change) has none: null, for the form to say so. A time that happens twice (1:30 on the autumn change) is the
    /// first of the two, in daylight time.
    /// </summary>
    public static DateTime? ToUtc(DateTime local, string zoneId)
    {
        var zone = Get(zoneId).Info;
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            return null;
        }

        if (zone.IsAmbiguousTime(unspecified))
        {
            var daylight = zone.GetAmbiguousTimeOffsets(unspecified).Max();
            return DateTime.SpecifyKind(unspecified - daylight, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

    /// <summary>The venue's wall-clock time at <paramref name="utc"/>.</summary>
    public static DateTime ToLocal(DateTime utc, string zoneId) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Get(zoneId).Info);

    /// <summary>"Thu, Mar 4, 2027, 6:00 PM – 7:30 PM Eastern Standard Time": the start and end as the venue's clock reads them, the zone named.</summary>
    public static string Describe(DateTime startsAt, DateTime endsAt, string zoneId)
    {
        var zone = Get(zoneId);
        var (start, end) = (ToLocal(startsAt, zoneId), ToLocal(endsAt, zoneId));
        var culture = CultureInfo.GetCultureInfo("en-US");
        var day = start.ToString("ddd, MMM d, yyyy", culture);
        var until = start.Date == end.Date ? end.ToString("h:mm tt", culture) : end.ToString("ddd, MMM d, h:mm tt", culture);
        var zoneName = zone.NameAt(startsAt) == zone.NameAt(endsAt) ? zone.NameAt(startsAt) : $"{zone.NameAt(startsAt)} to {zone.NameAt(endsAt)}";
        return $"{day}, {start.ToString("h:mm tt", culture)} – {until} {zoneName}";
    }

    /// <summary>"Mar 4, 2027": a day as every date on a page reads, in the style of the events' times.</summary>
    public static string Day(DateTime value) => value.ToString("MMM d, yyyy", CultureInfo.GetCultureInfo("en-US"));

    /// <summary>"Thu, Mar 4, 2027, 6:00 PM Eastern Standard Time": one instant as the venue's clock reads it.</summary>
    public static string DescribeInstant(DateTime utc, string zoneId) =>
        $"{ToLocal(utc, zoneId).ToString("ddd, MMM d, yyyy, h:mm tt", CultureInfo.GetCultureInfo("en-US"))} {Get(zoneId).NameAt(utc)}";
}
