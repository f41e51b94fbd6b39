using RigDirectory.Web.Data.Seed;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Events;

namespace RigDirectory.UnitTests;

/// <summary>Venue times to instants and back, with fixed instants, across daylight-saving changes and every zone from Hawaii to Newfoundland.</summary>
public sealed class EventTimeZonesTests
{
    public static TheoryData<string, string, string, string> SixPmOnJanuary15 => new()
    {
        // zone, the UTC instant of 6 pm on Jan 15 2027, and the names shown in winter.
        { "Pacific/Honolulu", "2027-01-16T04:00:00Z", "Hawaii Standard Time", "HST" },
        { "America/Anchorage", "2027-01-16T03:00:00Z", "Alaska Standard Time", "AKST" },
        { "America/Los_Angeles", "2027-01-16T02:00:00Z", "Pacific Standard Time", "PST" },
        { "America/Phoenix", "2027-01-16T01:00:00Z", "Mountain Standard Time", "MST" },
        { "America/Denver", "2027-01-16T01:00:00Z", "Mountain Standard Time", "MST" },
        { "America/Regina", "2027-01-16T00:00:00Z", "Central Standard Time", "CST" },
        { "America/Chicago", "2027-01-16T00:00:00Z", "Central Standard Time", "CST" },
        { "America/New_York", "2027-01-15T23:00:00Z", "Eastern Standard Time", "EST" },
        { "America/Puerto_Rico", "2027-01-15T22:00:00Z", "Atlantic Standard Time", "AST" },
        { "America/Halifax", "2027-01-15T22:00:00Z", "Atlantic Standard Time", "AST" },
        { "America/St_Johns", "2027-01-15T21:30:00Z", "Newfoundland Standard Time", "NST" },
    };

    [Theory]
    [MemberData(nameof(SixPmOnJanuary15))]
    public void EveryZone_FromHawaiiToNewfoundland_MapsTheVenuesClockToTheRightInstant(string zone, string utc, string name, string abbreviation)
    {
        var instant = EventTimeZones.ToUtc(new DateTime(2027, 1, 15, 18, 0, 0), zone);

        Assert.Equal(DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal), instant);
        Assert.Equal(new DateTime(2027, 1, 15, 18, 0, 0), EventTimeZones.ToLocal(instant!.Value, zone));
        Assert.Equal(name, EventTimeZones.Get(zone).NameAt(instant.Value));
        Assert.Equal(abbreviation, EventTimeZones.Get(zone).AbbreviationAt(instant.Value));
    }

    [Theory]
    [InlineData("America/New_York", "2027-07-15T22:00:00Z", "Eastern Daylight Time")]
    [InlineData("America/St_Johns", "2027-07-15T20:30:00Z", "Newfoundland Daylight Time")]
    [InlineData("America/Phoenix", "2027-07-16T01:00:00Z", "Mountain Standard Time")]
    [InlineData("Pacific/Honolulu", "2027-07-16T04:00:00Z", "Hawaii Standard Time")]
    [InlineData("America/Regina", "2027-07-16T00:00:00Z", "Central Standard Time")]
    public void InSummer_ZonesThatKeepDaylightTime_MoveAnHour_AndTheOthersDoNot(string zone, string utc, string name)
    {
        var instant = EventTimeZones.ToUtc(new DateTime(2027, 7, 15, 18, 0, 0), zone)!.Value;

        Assert.Equal(DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal), instant);
        Assert.Equal(name, EventTimeZones.Get(zone).NameAt(instant));
    }

    [Fact]
    public void SpringForward_TheSkippedHalfHourDoesNotExist()
    {
        // Clocks in New York go from 2:00 to 3:00 on March 14, 2027.
        Assert.Null(EventTimeZones.ToUtc(new DateTime(2027, 3, 14, 2, 30, 0), "America/New_York"));
        Assert.Equal(new DateTime(2027, 3, 14, 7, 0, 0, DateTimeKind.Utc), EventTimeZones.ToUtc(new DateTime(2027, 3, 14, 3, 0, 0), "America/New_York"));
        // Arizona keeps standard time: the same wall time exists there.
        Assert.NotNull(EventTimeZones.ToUtc(new DateTime(2027, 3, 14, 2, 30, 0), "America/Phoenix"));
    }

    [Fact]
    public void FallBack_TheRepeatedHour_IsTheFirstOne_InDaylightTime()
    {
        // 1:30 happens twice in Chicago on November 7, 2027: first at 06:30 UTC (CDT), then at 07:30 UTC (CST).
        var instant = EventTimeZones.ToUtc(new DateTime(2027, 11, 7, 1, 30, 0), "America/Chicago");

        Assert.Equal(new DateTime(2027, 11, 7, 6, 30, 0, DateTimeKind.Utc), instant);
    }

    [Fact]
    public void AnEventAcrossTheChange_NamesBothTimes()
    {
        var starts = EventTimeZones.ToUtc(new DateTime(2027, 11, 6, 22, 0, 0), "America/New_York")!.Value;
        var ends = EventTimeZones.ToUtc(new DateTime(2027, 11, 7, 3, 0, 0), "America/New_York")!.Value;

        Assert.Equal(TimeSpan.FromHours(6), ends - starts);
        Assert.Equal("Sat, Nov 6, 2027, 10:00 PM – Sun, Nov 7, 3:00 AM Eastern Daylight Time to Eastern Standard Time", EventTimeZones.Describe(starts, ends, "America/New_York"));
    }

    [Fact]
    public void EveryJurisdiction_HasAZoneTheFormsOffer()
    {
        var rows = SeedFiles.ReadJurisdictions();

        Assert.Equal(65, rows.Count);
        Assert.All(rows, row => Assert.True(EventTimeZones.IsKnown(row.TimeZone), $"{row.Code}: {row.TimeZone}"));
        Assert.Equal("America/St_Johns", rows.Single(r => r.Code == "CA-NL").TimeZone);
        Assert.Equal("Pacific/Honolulu", rows.Single(r => r.Code == "US-HI").TimeZone);
    }

    [Fact]
    public void EventForm_RefusesASkippedTime_AndAnEndBeforeTheStart()
    {
        var now = new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);
        var skipped = new EventInput { Title = "Talk", Starts = new DateTime(2027, 3, 14, 2, 30, 0), Ends = new DateTime(2027, 3, 14, 4, 0, 0), Location = "Room 1" };
        var backwards = new EventInput { Title = "Talk", Starts = new DateTime(2027, 1, 5, 18, 0, 0), Ends = new DateTime(2027, 1, 5, 17, 0, 0), Location = "Room 1" };
        var fine = new EventInput { Title = "Talk", Starts = new DateTime(2027, 1, 5, 18, 0, 0), Ends = new DateTime(2027, 1, 5, 19, 0, 0), Location = "Room 1", TimeZoneId = "America/St_Johns" };

        Assert.Contains(skipped.Resolve(now).Errors, e => e.Key == "Input.Starts" && e.Value.Contains("does not exist", StringComparison.Ordinal));
        Assert.Contains(backwards.Resolve(now).Errors, e => e.Key == "Input.Ends");
        var (startsAt, endsAt, errors) = fine.Resolve(now);
        Assert.Empty(errors);
        Assert.Equal(new DateTime(2027, 1, 5, 21, 30, 0, DateTimeKind.Utc), startsAt);
        Assert.Equal(TimeSpan.FromHours(1), endsAt - startsAt);
    }

    [Fact]
    public void Registration_IsOpenWithinItsWindow_BeforeTheStart_AndNotWhenCancelledOrHidden()
    {
        var e = new Event { Title = "Conference", StartsAt = new DateTime(2027, 1, 20, 0, 0, 0, DateTimeKind.Utc), RegistrationOpensAt = new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc), RegistrationClosesAt = new DateTime(2027, 1, 19, 0, 0, 0, DateTimeKind.Utc) };

        Assert.False(EventRules.RegistrationOpen(e, new DateTime(2026, 12, 31, 0, 0, 0, DateTimeKind.Utc)));
        Assert.True(EventRules.RegistrationOpen(e, new DateTime(2027, 1, 10, 0, 0, 0, DateTimeKind.Utc)));
        Assert.False(EventRules.RegistrationOpen(e, new DateTime(2027, 1, 19, 0, 0, 0, DateTimeKind.Utc)));
        e.RegistrationClosesAt = null;
        Assert.True(EventRules.RegistrationOpen(e, new DateTime(2027, 1, 19, 23, 0, 0, DateTimeKind.Utc)));
        Assert.False(EventRules.RegistrationOpen(e, e.StartsAt));
        e.Status = EventStatus.Cancelled;
        Assert.False(EventRules.RegistrationOpen(e, new DateTime(2027, 1, 10, 0, 0, 0, DateTimeKind.Utc)));
        e.Status = EventStatus.Scheduled;
        e.HiddenAt = new DateTime(2027, 1, 2, 0, 0, 0, DateTimeKind.Utc);
        Assert.False(EventRules.RegistrationOpen(e, new DateTime(2027, 1, 10, 0, 0, 0, DateTimeKind.Utc)));
    }
}
