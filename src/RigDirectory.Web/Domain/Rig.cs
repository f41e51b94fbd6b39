namespace RigDirectory.Web.Domain;

/// <summary>A radiology interest group at one school.</summary>
public class Rig : IVersioned
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }

    public RigStatus Status { get; set; } = RigStatus.Draft;

    public string? Description { get; set; }
    public string? HowToGetInvolved { get; set; }
    public RigActivities Activities { get; set; }
    public MeetingCadence MeetingCadence { get; set; }

    public string? ContactEmail { get; set; }
    public ContactVisibility ContactVisibility { get; set; } = ContactVisibility.SignedInOnly;

    public string? Website { get; set; }
    public string? InstagramUrl { get; set; }
    public string? XUrl { get; set; }
    public string? LinkedInUrl { get; set; }

    public int? FoundedYear { get; set; }

    /// <summary>When its leaders last confirmed the RIG is active ("verified by its leaders on …").</summary>
    public DateTime? LastVerifiedAt { get; set; }

    /// <summary>Verification reminders sent since the RIG was last known good (0, 1 at 11 months, 2 at 12): none is sent twice.</summary>
    public int VerificationRemindersSent { get; set; }

    /// <summary>The year its leaders were last asked to invite their successors: once a year at most.</summary>
    public int? SuccessionRemindedYear { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? ApprovedAt { get; set; }

    /// <summary>Demo rows exist only in Development and are removed anywhere else.</summary>
    public bool IsDemo { get; set; }

    /// <summary>
    /// A change of name or school to an approved RIG waits here for review; the public page keeps showing
    /// <see cref="Name"/> and <see cref="School"/> until a reviewer approves it.
    /// </summary>
    public string? PendingName { get; set; }

    public int? PendingSchoolId { get; set; }
    public School? PendingSchool { get; set; }
    public DateTime? ChangeRequestedAt { get; set; }

    public bool HasPendingChange => ChangeRequestedAt is not null;

    /// <summary>The user who started the registration.</summary>
    public string? CreatedByUserId { get; set; }

    /// <summary>The furthest wizard step the leaders reached, so a draft resumes where they left it.</summary>
    public RegistrationStep RegistrationStep { get; set; } = RegistrationStep.School;

    /// <summary>The step the reviewer's request for changes is about; null when it is about the whole registration.</summary>
    public RegistrationStep? ReviewStep { get; set; }

    public int Version { get; set; }

    public List<FacultySponsor> Sponsors { get; set; } = [];
    public List<RigOfficer> Officers { get; set; } = [];
    public List<OfficerInvitation> Invitations { get; set; } = [];
    public List<Event> Events { get; set; } = [];

    /// <summary>Other RIGs' events this RIG co-hosts: they show on its profile too.</summary>
    public List<EventCoHost> CoHosting { get; set; } = [];
    public List<RigInterest> Interests { get; set; } = [];
    public List<RigMentor> Mentors { get; set; } = [];
    public List<RigVerificationLink> VerificationLinks { get; set; } = [];
    public List<RigClaim> Claims { get; set; } = [];
    public List<FundingApplication> FundingApplications { get; set; } = [];
    public List<Nomination> Nominations { get; set; } = [];
}

public enum RegistrationStep
{
    School = 1,
    Sponsors = 2,
    Officers = 3,
    Details = 4,
    Review = 5,
}

public enum RigStatus
{
    Draft = 0,
    Submitted = 1,
    ChangesRequested = 2,
    Approved = 3,
    Rejected = 4,

    /// <summary>No longer running; kept for history and reversible by an admin.</summary>
    Archived = 5,
}

[Flags]
public enum RigActivities
{
    None = 0,
    Talks = 1 << 0,
    Workshops = 1 << 1,
    Shadowing = 1 << 2,
    Research = 1 << 3,
    JointSessions = 1 << 4,
    ArtificialIntelligence = 1 << 5,
    Outreach = 1 << 6,
    Mentoring = 1 << 7,
    CaseConferences = 1 << 8,
    ResidencyAdvising = 1 << 9,
}

public enum MeetingCadence
{
    NotSet = 0,
    Weekly = 1,
    EveryTwoWeeks = 2,
    Monthly = 3,
    EachTerm = 4,
    Occasionally = 5,
}

public enum ContactVisibility
{
    /// <summary>Anyone can see the contact email.</summary>
    Public = 0,

    /// <summary>Only signed-in users see it; it is never in the HTML served to visitors.</summary>
    SignedInOnly = 1,
}
