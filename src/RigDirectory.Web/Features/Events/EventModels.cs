using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;

namespace RigDirectory.Web.Features.Events;

/// <summary>The filters of <c>/events</c>, from its query string.</summary>
public sealed class EventSearchInput
{
    public const int PageSize = 20;
    public const int DefaultMiles = 100;
    public static readonly IReadOnlyList<int> Distances = [25, 50, 100, 250, 500];

    /// <summary>The query keys the list reads: cached pages vary by these and ignore any other.</summary>
    public static readonly string[] QueryKeys = ["region", "type", "online", "from", "to", "near", "school", "miles", "page"];

    [FromQuery(Name = "region")]
    [StringLength(Limits.Slug)]
    public string? Region { get; set; }

    [FromQuery(Name = "type")]
    public EventType? Type { get; set; }

    /// <summary>Only events one can join online (virtual or hybrid).</summary>
    [FromQuery(Name = "online")]
    public bool Online { get; set; }

    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    [FromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    /// <summary>The student's school as typed; the best match becomes <see cref="School"/>.</summary>
    [FromQuery(Name = "near")]
    [StringLength(Limits.Name)]
    public string? Near { get; set; }

    /// <summary>The school events must be near, by slug (links carry it).</summary>
    [FromQuery(Name = "school")]
    [StringLength(Limits.Slug)]
    public string? School { get; set; }

    [FromQuery(Name = "miles")]
    [Range(1, 1000)]
    public int Miles { get; set; } = DefaultMiles;

    [FromQuery(Name = "page")]
    [Range(1, 10_000)]
    public int Page { get; set; } = 1;

    public bool Filtered => Region is not null || Type is not null || Online || From is not null || To is not null || School is not null;

    /// <summary>This list's address at <paramref name="page"/>, near <paramref name="school"/> when given.</summary>
    public string Url(int? page = null, string? school = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[key] = value;
            }
        }

        Add("region", Region);
        Add("type", Type?.ToString());
        Add("online", Online ? "true" : null);
        Add("from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("school", school ?? School);
        Add("miles", (school ?? School) is not null && Miles != DefaultMiles ? Miles.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        Add("page", page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return QueryHelpers.AddQueryString("/events", values);
    }
}

public sealed record EventListViewModel(
    EventSearchInput Input,
    IReadOnlyList<EventCard> Events,
    int Total,
    int Page,
    IReadOnlyList<RegionOption> Regions,
    SchoolChoice? NearSchool,
    IReadOnlyList<SchoolChoice> OtherSchools,
    string? NearNotFound)
{
    public int Pages => Math.Max(1, ((Total - 1) / EventSearchInput.PageSize) + 1);
}

public sealed record RegionOption(string Slug, string Name);

/// <summary>An event's page: everything public, plus what the viewer's registration or hosting reveals.</summary>
public sealed record EventPageViewModel(
    EventDetails Event,
    RegistrationStatus? Mine,
    int? WaitlistPosition,
    bool Hosts,
    bool Admin,
    bool SignedIn,
    DateTime AsOf)
{
    /// <summary>The viewer holds a seat.</summary>
    public bool HasSeat => Mine.HasValue && EventRules.HasSeat(Mine.Value);

    /// <summary>The viewer waits for a seat, at <see cref="WaitlistPosition"/>.</summary>
    public bool Waiting => Mine.HasValue && EventRules.IsWaiting(Mine.Value);

    /// <summary>The join link, only for those with a seat and for the hosts.</summary>
    public string? JoinUrl => HasSeat || Hosts ? Event.JoinUrl : null;

    public bool RegistrationOpen => EventRules.IsScheduled(Event.Status) && AsOf < Event.StartsAt
        && (Event.RegistrationOpensAt is not { } opens || AsOf >= opens) && (Event.RegistrationClosesAt is not { } closes || AsOf < closes);

    public int? SeatsLeft => Event.Capacity is { } seats ? Math.Max(0, seats - Event.SeatsTaken) : null;
}

public sealed record EventDetails(
    int Id,
    string Title,
    EventType Type,
    string? Description,
    DateTime StartsAt,
    DateTime EndsAt,
    string TimeZoneId,
    EventFormat Format,
    string? Location,
    string? JoinUrl,
    EventAudience Audience,
    int? Capacity,
    int SeatsTaken,
    string? CoHostGroup,
    DateTime? RegistrationOpensAt,
    DateTime? RegistrationClosesAt,
    EventStatus Status,
    DateTime? HiddenAt,
    string? HiddenNote,
    int? RigId,
    string? RigSlug,
    string? RigName,
    string? SchoolSlug,
    string? SchoolName,
    string? RegionSlug,
    string? RegionName,
    IReadOnlyList<CoHostRig> CoHosts,
    IReadOnlyList<SessionRow> Sessions)
{
    public string When => EventTimeZones.Describe(StartsAt, EndsAt, TimeZoneId);

    public string Host => RigName ?? EventQueries.AcrHost;

    public bool IsAcrEvent => RigId is null;
}

public sealed record CoHostRig(string Slug, string Name);

public sealed record SessionRow(string Title, string? Speakers, DateTime StartsAt, DateTime EndsAt);

/// <summary>A student's events and their personal feed.</summary>
public sealed record MyEventsViewModel(IReadOnlyList<MyEventRow> Events, string? NewFeedUrl, bool HasFeed);

public sealed record MyEventRow(EventCard Event, RegistrationStatus Status);

/// <summary>The hosts' list of who registered, for attendance and the CSV.</summary>
public sealed record AttendeesViewModel(EventDetails Event, IReadOnlyList<AttendeeRow> Attendees, bool Started, string BackUrl);

public sealed record AttendeeRow(int Id, string Name, string Email, RegistrationStatus Status, DateTime RegisteredAt, bool? Attended);

/// <summary>One line of the attendee CSV.</summary>
public sealed record AttendeeCsvRow(string Name, string Email, string Status, string RegisteredAtUtc, string Attended);

/// <summary>A place's upcoming events on its page (a school, a region), with where to see more and subscribe.</summary>
public sealed record UpcomingEventsViewModel(IReadOnlyList<EventCard> Events, string MoreUrl, string? FeedUrl);
