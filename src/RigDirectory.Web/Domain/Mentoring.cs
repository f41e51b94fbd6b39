namespace RigDirectory.Web.Domain;

/// <summary>
/// A radiologist, fellow or resident who offered to mentor students. ACR reviews the offer; once approved the
/// mentor is findable (while active and with room) and answers students' requests. One per account.
/// </summary>
public class MentorProfile : IVersioned
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public ApplicationUser? User { get; set; }
    public MentorRole Role { get; set; }
    public required string Institution { get; set; }
    public required string City { get; set; }
    public required string JurisdictionCode { get; set; }
    public Jurisdiction? Jurisdiction { get; set; }

    /// <summary>Where the mentor is placed on the map and measured from (see <see cref="MentorPlacement"/>).</summary>
    public double Latitude { get; set; }

    public double Longitude { get; set; }
    public MentorOffers Offers { get; set; }
    public MentorFormat Format { get; set; }
    public required string Bio { get; set; }

    /// <summary>How many active mentees at once.</summary>
    public int Capacity { get; set; }

    /// <summary>Accepted, not yet ended mentorships: kept on the profile so that "has room" is one comparison and two accepts of the last place collide on <see cref="Version"/>.</summary>
    public int ActiveMentees { get; set; }

    public MentorStatus Status { get; set; }

    /// <summary>The last note ACR wrote (a request for changes, a rejection, a deactivation), for the mentor to read.</summary>
    public string? ReviewNote { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public int Version { get; set; }
    public bool IsDemo { get; set; }

    public List<Subspecialty> Subspecialties { get; set; } = [];
    public List<Mentorship> Mentorships { get; set; } = [];
    public List<RigMentor> Rigs { get; set; } = [];

    public bool HasRoom => ActiveMentees < Capacity;
}

public enum MentorRole
{
    AttendingRadiologist = 0,
    Fellow = 1,
    Resident = 2,
    Other = 3,
}

[Flags]
public enum MentorOffers
{
    None = 0,
    CareerAdvice = 1,
    ResearchProjects = 1 << 1,
    Shadowing = 1 << 2,
    ApplicationReview = 1 << 3,
    MockInterviews = 1 << 4,
}

public enum MentorFormat
{
    Virtual = 0,
    InPerson = 1,
    Both = 2,
}

/// <summary>Where an offer stands. Stored by name.</summary>
public enum MentorStatus
{
    /// <summary>Waiting for ACR's review.</summary>
    Submitted = 0,

    /// <summary>ACR asked for changes; the mentor edits and offers again.</summary>
    ChangesRequested = 1,

    /// <summary>Approved and taking requests (when there is room).</summary>
    Active = 2,

    /// <summary>Approved, on a break: not findable, requests already made can still be answered.</summary>
    Paused = 3,

    Rejected = 4,

    /// <summary>The mentor stopped; offering again goes back to review.</summary>
    Withdrawn = 5,

    /// <summary>ACR stopped the mentor, with a note.</summary>
    Deactivated = 6,
}

/// <summary>A subspecialty mentors choose from; the list is data that admins edit, never code.</summary>
public class Subspecialty
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }

    /// <summary>No longer offered to new mentors or as a filter; mentors who chose it keep it.</summary>
    public bool IsRetired { get; set; }

    public List<MentorProfile> Mentors { get; set; } = [];
}

/// <summary>
/// A student's request to a mentor and, once accepted, the mentorship itself: one lifecycle from asking to ending.
/// </summary>
public class Mentorship : IVersioned
{
    public int Id { get; set; }
    public int MentorId { get; set; }
    public MentorProfile? Mentor { get; set; }
    public required string StudentUserId { get; set; }
    public ApplicationUser? Student { get; set; }

    /// <summary>The student's school, for the distance and the demand per region on the console.</summary>
    public int StudentSchoolId { get; set; }

    public School? StudentSchool { get; set; }

    /// <summary>Why the student asks and what they hope for.</summary>
    public required string Message { get; set; }

    public MentorshipStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Unanswered by then, the request expires and the student may ask someone else.</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>When the mentor accepted or declined.</summary>
    public DateTime? AnsweredAt { get; set; }

    /// <summary>When it was closed without an answer (expired, cancelled) or ended.</summary>
    public DateTime? ClosedAt { get; set; }

    /// <summary>The mentor's note on declining, or the note of whoever ended it.</summary>
    public string? Note { get; set; }

    public int Version { get; set; }
    public bool IsDemo { get; set; }

    public List<MentorshipReport> Reports { get; set; } = [];
}

public enum MentorshipStatus
{
    /// <summary>Waiting for the mentor's answer.</summary>
    Requested = 0,
    Accepted = 1,
    Declined = 2,
    Expired = 3,

    /// <summary>The student took the request back before an answer.</summary>
    Cancelled = 4,
    Ended = 5,
}

/// <summary>A problem a student or mentor reported on a mentorship, for ACR staff.</summary>
public class MentorshipReport
{
    public int Id { get; set; }
    public int MentorshipId { get; set; }
    public Mentorship? Mentorship { get; set; }
    public required string ReporterUserId { get; set; }
    public ApplicationUser? Reporter { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
}

/// <summary>A mentor who works with a RIG ("residents who help us"), linked by its leaders and listed on its profile.</summary>
public class RigMentor
{
    public int RigId { get; set; }
    public Rig? Rig { get; set; }
    public int MentorId { get; set; }
    public MentorProfile? Mentor { get; set; }
    public DateTime LinkedAt { get; set; }
}

/// <summary>The rules of mentoring that hold whoever asks.</summary>
public static class MentoringRules
{
    public const int MaxOpenRequests = 3;
    public const int ExpiryDays = 14;
    public const int MinCapacity = 1;
    public const int MaxCapacity = 10;
    public const int BioLength = 1000;
    public const int MessageLength = 1000;
    public const int NoteLength = 1000;

    /// <summary>How many schools a typed school name offers to choose from when it matches several.</summary>
    public const int SchoolChoicesShown = 8;

    /// <summary>What both sides read once a request is accepted.</summary>
    public const string FirstStep = "A good first step: the student writes within a week to suggest a 20-minute video call, with two or three questions they would like to talk about.";

    /// <summary><see cref="Findable"/> as a query translates it.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<MentorProfile, bool>> IsFindable = m => m.Status == MentorStatus.Active;

    /// <summary>Whether a mentor in this status can be found and asked (room aside).</summary>
    public static bool Findable(MentorStatus status) => status == MentorStatus.Active;

    /// <summary>ACR sent the offer back for changes, with a note the mentor acts on.</summary>
    public static bool SentBack(MentorStatus status) => status == MentorStatus.ChangesRequested;

    /// <summary>Whether the mentor's offer stands (active or paused): they answer requests and mentor.</summary>
    public static bool Approved(MentorStatus status) => status is MentorStatus.Active or MentorStatus.Paused;

    /// <summary><see cref="Approved"/> as a query translates it.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<MentorProfile, bool>> IsApproved = m => m.Status == MentorStatus.Active || m.Status == MentorStatus.Paused;

    /// <summary>Offers waiting for ACR's decision.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<MentorProfile, bool>> OfferAwaitingReview = m => m.Status == MentorStatus.Submitted;

    /// <summary>Requests waiting for the mentor's answer (<see cref="Waiting"/>), as a query translates it.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Mentorship, bool>> AwaitingAnswer = m => m.Status == MentorshipStatus.Requested;

    /// <summary>A mentorship under way: it holds one of its mentor's places.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Mentorship, bool>> Ongoing = m => m.Status == MentorshipStatus.Accepted;

    /// <summary><see cref="Open"/> as a query translates it.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Mentorship, bool>> IsOpen = m => m.Status == MentorshipStatus.Requested || m.Status == MentorshipStatus.Accepted;

    /// <summary>Whether the request or mentorship still holds a place or waits for an answer.</summary>
    public static bool Open(MentorshipStatus status) => status is MentorshipStatus.Requested or MentorshipStatus.Accepted;

    /// <summary>A request waiting for the mentor's answer.</summary>
    public static bool Waiting(MentorshipStatus status) => status == MentorshipStatus.Requested;

    /// <summary>A mentorship under way (<see cref="Ongoing"/>): both sides see each other's email.</summary>
    public static bool UnderWay(MentorshipStatus status) => status == MentorshipStatus.Accepted;

    /// <summary>A mentor's page shows while they can be found, and always to the mentor themselves.</summary>
    public static System.Linq.Expressions.Expression<Func<MentorProfile, bool>> ShownTo(string userId) => m => m.Status == MentorStatus.Active || m.UserId == userId;

    /// <summary>What a mentor's own list keeps: requests and mentorships still open, and those closed or answered since <paramref name="since"/>.</summary>
    public static System.Linq.Expressions.Expression<Func<Mentorship, bool>> OpenOrClosedSince(DateTime since) =>
        m => m.Status == MentorshipStatus.Requested || m.Status == MentorshipStatus.Accepted || m.ClosedAt >= since || m.AnsweredAt >= since;

    /// <summary>Great-circle distance in miles (the unit US and Canadian students read road signs in, near enough).</summary>
    public static double DistanceMiles(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        const double EarthRadiusMiles = 3958.8;
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(latitude2 - latitude1);
        var dLon = Radians(longitude2 - longitude1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Radians(latitude1)) * Math.Cos(Radians(latitude2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMiles * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>The latitude/longitude box around a point that holds every point within <paramref name="miles"/>, for an index-friendly first cut.</summary>
    public static (double MinLatitude, double MaxLatitude, double MinLongitude, double MaxLongitude) Box(double latitude, double longitude, double miles)
    {
        var dLat = miles / 69.0;
        var dLon = miles / Math.Max(1, 69.0 * Math.Cos(latitude * Math.PI / 180));
        return (latitude - dLat, latitude + dLat, longitude - dLon, longitude + dLon);
    }

    public static string DisplayName(this MentorRole role) => role switch
    {
        MentorRole.AttendingRadiologist => "Attending radiologist",
        MentorRole.Fellow => "Fellow",
        MentorRole.Resident => "Resident",
        _ => "Other",
    };

    public static string DisplayName(this MentorFormat format) => format switch
    {
        MentorFormat.Virtual => "Virtual",
        MentorFormat.InPerson => "In person",
        _ => "Virtual or in person",
    };

    public static readonly IReadOnlyList<MentorOffers> AllOffers =
        [MentorOffers.CareerAdvice, MentorOffers.ResearchProjects, MentorOffers.Shadowing, MentorOffers.ApplicationReview, MentorOffers.MockInterviews];

    public static string DisplayName(this MentorOffers offer) => offer switch
    {
        MentorOffers.CareerAdvice => "Career advice",
        MentorOffers.ResearchProjects => "Research projects",
        MentorOffers.Shadowing => "Shadowing",
        MentorOffers.ApplicationReview => "Residency application review",
        MentorOffers.MockInterviews => "Mock interviews",
        _ => string.Join(", ", AllOffers.Where(o => offer.HasFlag(o)).Select(o => o.DisplayName())),
    };

    public static string DisplayName(this MentorStatus status) => status switch
    {
        MentorStatus.Submitted => "Waiting for review",
        MentorStatus.ChangesRequested => "Changes requested",
        MentorStatus.Active => "Active",
        MentorStatus.Paused => "Paused",
        MentorStatus.Rejected => "Not approved",
        MentorStatus.Withdrawn => "Withdrawn",
        _ => "Deactivated by ACR",
    };

    public static string DisplayName(this MentorshipStatus status) => status switch
    {
        MentorshipStatus.Requested => "Waiting for an answer",
        MentorshipStatus.Accepted => "Active",
        MentorshipStatus.Declined => "Declined",
        MentorshipStatus.Expired => "Expired unanswered",
        MentorshipStatus.Cancelled => "Cancelled",
        _ => "Ended",
    };
}
