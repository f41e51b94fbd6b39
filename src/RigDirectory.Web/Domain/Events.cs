namespace RigDirectory.Web.Domain;

/// <summary>
/// An event in the directory: hosted by a RIG (<see cref="RigId"/>), or by ACR when it has no RIG (a virtual
/// networking conference, national or for one <see cref="Region"/>). Times are instants in UTC with the venue's
/// IANA zone, in which they are shown. Students register; with a <see cref="Capacity"/>, seats are counted on the
/// event (<see cref="SeatsTaken"/>) so two registrations for the last seat collide on <see cref="Version"/>, and
/// the rest wait on a waitlist. The join link is shown only to those registered and to the hosts.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "The app is C# only; \"event\" is the domain's word, and C# keywords are lower-case.")]
public class Event : IVersioned
{
    public int Id { get; set; }

    /// <summary>The hosting RIG; null for an ACR event.</summary>
    public int? RigId { get; set; }

    public Rig? Rig { get; set; }

    /// <summary>An ACR event for one region's students; null for a national one (and for RIG events).</summary>
    public int? RegionId { get; set; }

    public Region? Region { get; set; }

    public required string Title { get; set; }
    public EventType Type { get; set; }
    public string? Description { get; set; }

    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }

    /// <summary>The date the venue's clock shows at the start: what "events between these dates" compares.</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>The venue's IANA zone, one of <see cref="EventTimeZones.All"/>.</summary>
    public string TimeZoneId { get; set; } = EventTimeZones.Default;

    public EventFormat Format { get; set; }

    /// <summary>Where, for in-person and hybrid events.</summary>
    public string? Location { get; set; }

    /// <summary>For virtual and hybrid events: never in public HTML, feeds or the API.</summary>
    public string? JoinUrl { get; set; }

    public EventAudience Audience { get; set; }

    /// <summary>Seats; null when anyone may come.</summary>
    public int? Capacity { get; set; }

    /// <summary>Registered students (not the waitlist): kept here so "is there a seat" is one comparison.</summary>
    public int SeatsTaken { get; set; }

    /// <summary>Another specialty's interest group hosting with the RIG, by name ("the EM Interest Group").</summary>
    public string? CoHostGroup { get; set; }

    /// <summary>When registration opens and closes; null opens now and closes at the start.</summary>
    public DateTime? RegistrationOpensAt { get; set; }

    public DateTime? RegistrationClosesAt { get; set; }

    public EventStatus Status { get; set; }

    /// <summary>Hidden by ACR, with the note its hosts read; a hidden event is shown nowhere public.</summary>
    public string? HiddenNote { get; set; }

    public DateTime? HiddenAt { get; set; }

    /// <summary>RFC 5545 SEQUENCE: bumped by every change a calendar should pick up.</summary>
    public int Sequence { get; set; }

    /// <summary>When the 24-hour reminders went to the outbox; set once, so they are sent once.</summary>
    public DateTime? RemindersQueuedAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public bool IsDemo { get; set; }
    public int Version { get; set; }

    public List<EventCoHost> CoHosts { get; set; } = [];
    public List<EventSession> Sessions { get; set; } = [];
    public List<EventRegistration> Registrations { get; set; } = [];

    public bool IsAcrEvent => RigId is null;

    public bool HasSeat => Capacity is not { } seats || SeatsTaken < seats;

    public bool IsOnline => Format != EventFormat.InPerson;
}

public enum EventType
{
    Talk = 0,
    Workshop = 1,
    ShadowingDay = 2,
    JournalClub = 3,
    JointSession = 4,
    Social = 5,
    ResidencyPanel = 6,
    Other = 7,

    /// <summary>ACR's virtual networking conference.</summary>
    NetworkingConference = 8,
}

public enum EventFormat
{
    InPerson = 0,
    Virtual = 1,
    Hybrid = 2,
}

public enum EventAudience
{
    AllStudents = 0,

    /// <summary>Students of the hosting RIG's school only.</summary>
    SchoolOnly = 1,
}

public enum EventStatus
{
    Scheduled = 0,
    Cancelled = 1,
}

/// <summary>
/// Another RIG named as hosting an event with its RIG. The event shows on that RIG's pages and feed only once its
/// leaders accept: a leader cannot put an event on another RIG's profile alone. Declining removes the row.
/// </summary>
public class EventCoHost
{
    public int EventId { get; set; }
    public Event? Event { get; set; }
    public int RigId { get; set; }
    public Rig? Rig { get; set; }

    /// <summary>When the host named this RIG.</summary>
    public DateTime InvitedAt { get; set; }

    /// <summary>When this RIG's leaders accepted; null while they have not.</summary>
    public DateTime? AcceptedAt { get; set; }
}

/// <summary>One item of a conference's agenda.</summary>
public class EventSession
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public Event? Event { get; set; }
    public required string Title { get; set; }
    public string? Speakers { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
}

/// <summary>A student's place at an event: one row per student and event, kept when cancelled (and reused if they come back).</summary>
public class EventRegistration
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public Event? Event { get; set; }
    public required string UserId { get; set; }
    public ApplicationUser? User { get; set; }
    public RegistrationStatus Status { get; set; }

    /// <summary>When they registered (or joined the waitlist, which is served in this order).</summary>
    public DateTime RegisteredAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Marked by the hosts afterwards; null until then.</summary>
    public bool? Attended { get; set; }
}

public enum RegistrationStatus
{
    Registered = 0,
    Waitlisted = 1,
    Cancelled = 2,
}

/// <summary>The secret behind a student's personal calendar feed: only its hash is stored; a new one revokes the old.</summary>
public class CalendarFeedKey
{
    public required string UserId { get; set; }
    public ApplicationUser? User { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>The limits and rules of events, named once for the forms, the lifecycle and the tests.</summary>
public static class EventRules
{
    public const int NoteLength = 1000;
    public const int MaxCapacity = 5000;
    public const int MaxSessions = 20;
    public const int MaxCoHosts = 5;

    /// <summary>
    /// Not hidden by ACR, and hosted by ACR or by a RIG the directory shows (<see cref="RigVisibility.IsPublic"/>,
    /// spelled out here because EF translates no call to another expression). Cancelled events stay public, marked.
    /// </summary>
    public static readonly System.Linq.Expressions.Expression<Func<Event, bool>> Public = e => e.HiddenAt == null
        && (e.RigId == null || (e.Rig!.Status == RigStatus.Approved && e.Rig.School!.Status == SchoolStatus.Listed));

    /// <summary>The same rule for a loaded event (its RIG and school loaded, if it has one).</summary>
    public static bool IsPublic(Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.HiddenAt is null && (e.RigId is null || (e.Rig?.School is not null && RigVisibility.Shows(e.Rig)));
    }

    /// <summary>A registration that holds a seat (not waitlisted, not cancelled).</summary>
    public static readonly System.Linq.Expressions.Expression<Func<EventRegistration, bool>> HoldsSeat = r => r.Status == RegistrationStatus.Registered;

    /// <summary>A registration waiting for a seat.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<EventRegistration, bool>> Waiting = r => r.Status == RegistrationStatus.Waitlisted;

    /// <summary>A registration still concerned by news of the event: registered or waiting, not cancelled.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<EventRegistration, bool>> Concerned = r => r.Status != RegistrationStatus.Cancelled;

    /// <summary>An event that is going ahead (<see cref="IsScheduled"/>), as a query translates it.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Event, bool>> Scheduled = e => e.Status == EventStatus.Scheduled;

    /// <summary>Going ahead: neither cancelled nor over by decision.</summary>
    public static bool IsScheduled(EventStatus status) => status == EventStatus.Scheduled;

    /// <summary>Cancelled by its hosts: shown as cancelled, never changed again.</summary>
    public static bool IsCancelled(EventStatus status) => status == EventStatus.Cancelled;

    /// <summary><see cref="HoldsSeat"/> for a loaded registration.</summary>
    public static bool HasSeat(RegistrationStatus status) => status == RegistrationStatus.Registered;

    /// <summary><see cref="Waiting"/> for a loaded registration.</summary>
    public static bool IsWaiting(RegistrationStatus status) => status == RegistrationStatus.Waitlisted;

    /// <summary>A co-host whose leaders accepted: only these show the event on their RIG's pages and feed.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<EventCoHost, bool>> CoHostAccepted = c => c.AcceptedAt != null;

    /// <summary>An event lasts at most this long (a conference day, a shadowing day).</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(3);

    /// <summary>How far ahead an event may be planned.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(2 * 366);

    /// <summary>The reminder with the join link goes this long before the start.</summary>
    public static readonly TimeSpan ReminderLead = TimeSpan.FromHours(24);

    /// <summary>"12 events in the last year": the span of a RIG's record of activity.</summary>
    public static readonly TimeSpan RecordSpan = TimeSpan.FromDays(365);

    /// <summary>Whether students can register at <paramref name="now"/>: scheduled, not started, within the registration window.</summary>
    public static bool RegistrationOpen(Event e, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Status == EventStatus.Scheduled && e.HiddenAt is null && now < e.StartsAt
            && (e.RegistrationOpensAt is not { } opens || now >= opens)
            && (e.RegistrationClosesAt is not { } closes || now < closes);
    }
}
