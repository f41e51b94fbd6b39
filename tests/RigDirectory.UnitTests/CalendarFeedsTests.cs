using Ical.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Events;
using RigDirectory.Web.Infrastructure;
using EventStatus = RigDirectory.Web.Domain.EventStatus;

namespace RigDirectory.UnitTests;

/// <summary>The RFC 5545 the feeds write, read back with Ical.Net as a calendar app would.</summary>
public sealed class CalendarFeedsTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    private static CalendarFeeds Feeds() => new(new PublicUrls(new FixedLinks(), Options.Create(new AppOptions { PublicBaseUrl = new Uri("https://rigs.example.org/") })), new CalendarFragments());

    private static FeedEvent Event(int id, string zone, DateTime startsAt, EventStatus status = EventStatus.Scheduled, int sequence = 0, EventFormat format = EventFormat.InPerson) =>
        new(id, $"Event {id}", EventType.Talk, "Bring questions; commas, semicolons; and\nnew lines.", startsAt, startsAt.AddHours(1), zone, format, "Room 210", status, sequence, Now, Now, "Boston RIG");

    [Fact]
    public void Feed_CarriesStableUids_Sequences_Cancellations_AndEachZoneOnce()
    {
        var text = Feeds().Write("Test feed", [
            Event(1, "America/St_Johns", new DateTime(2027, 3, 20, 21, 30, 0, DateTimeKind.Utc)),
            Event(2, "Pacific/Honolulu", new DateTime(2027, 1, 10, 4, 0, 0, DateTimeKind.Utc), EventStatus.Cancelled, sequence: 3),
            Event(3, "America/St_Johns", new DateTime(2027, 1, 10, 21, 30, 0, DateTimeKind.Utc), format: EventFormat.Virtual),
        ]);

        var calendar = Calendar.Load(text)!;
        Assert.Equal(["America/St_Johns", "Pacific/Honolulu"], calendar.TimeZones.Select(z => z.TzId).Order());
        var daylight = calendar.Events.Single(e => e.Uid == "event-1@rigs.example.org");
        Assert.Equal("America/St_Johns", daylight.DtStart!.TzId);
        Assert.Equal(19, daylight.DtStart.Hour);
        Assert.Equal(new DateTime(2027, 3, 20, 21, 30, 0, DateTimeKind.Utc), daylight.DtStart.AsUtc);
        Assert.Equal("Bring questions; commas, semicolons; and\nnew lines.", daylight.Description!.Split("\n\n")[1]);
        Assert.Equal("https://rigs.example.org/events/1", daylight.Url!.AbsoluteUri);
        var cancelled = calendar.Events.Single(e => e.Uid == "event-2@rigs.example.org");
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.Equal(3, cancelled.Sequence);
        Assert.Equal(new DateTime(2027, 1, 10, 4, 0, 0, DateTimeKind.Utc), cancelled.DtStart!.AsUtc);
        Assert.StartsWith("Online", calendar.Events.Single(e => e.Uid == "event-3@rigs.example.org").Location, StringComparison.Ordinal);
        Assert.Contains("X-WR-CALNAME:Test feed", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split("BEGIN:VTIMEZONE").Length - 1);
    }

    [Fact]
    public void AnEventsNewVersion_IsWrittenAfresh_TheSameVersionReadsTheSame()
    {
        var feeds = Feeds();
        var starts = new DateTime(2027, 1, 10, 23, 0, 0, DateTimeKind.Utc);

        var first = feeds.Write("Feed", [Event(1, "America/New_York", starts)]);
        var again = feeds.Write("Feed", [Event(1, "America/New_York", starts)]);
        var changed = Calendar.Load(feeds.Write("Feed", [Event(1, "America/New_York", starts.AddHours(1), sequence: 1) with { UpdatedAt = Now.AddHours(1) }]))!;

        Assert.Equal(first, again);
        var only = Assert.Single(changed.Events);
        Assert.Equal(1, only.Sequence);
        Assert.Equal(starts.AddHours(1), only.DtStart!.AsUtc);
    }

    [Fact]
    public void EmptyFeed_IsAValidCalendar()
    {
        var calendar = Calendar.Load(Feeds().Write("Nothing yet", []))!;

        Assert.Empty(calendar.Events);
        Assert.Empty(calendar.TimeZones);
    }

    /// <summary>Links as the app's routes make them, without a running app.</summary>
    private sealed class FixedLinks : LinkGenerator
    {
        public override string? GetPathByAddress<TAddress>(HttpContext httpContext, TAddress address, RouteValueDictionary values, RouteValueDictionary? ambientValues = null, PathString? pathBase = null, FragmentString fragment = default, LinkOptions? options = null) =>
            GetPathByAddress(address, values, pathBase ?? default, fragment, options);

        public override string? GetPathByAddress<TAddress>(TAddress address, RouteValueDictionary values, PathString pathBase = default, FragmentString fragment = default, LinkOptions? options = null) =>
            $"/events/{values["id"]}";

        public override string? GetUriByAddress<TAddress>(HttpContext httpContext, TAddress address, RouteValueDictionary values, RouteValueDictionary? ambientValues = null, string? scheme = null, HostString? host = null, PathString? pathBase = null, FragmentString fragment = default, LinkOptions? options = null) =>
            throw new NotSupportedException();

        public override string? GetUriByAddress<TAddress>(TAddress address, RouteValueDictionary values, string? scheme, HostString host, PathString pathBase = default, FragmentString fragment = default, LinkOptions? options = null) =>
            throw new NotSupportedException();
    }
}
