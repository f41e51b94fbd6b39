using System.Text.Json;
using System.Text.Json.Serialization;

namespace RigDirectory.Web.Domain;

/// <summary>Who changed what, when, with the values before and after, so that any change can be traced and undone.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }

    /// <summary>The RIG the change belongs to, for its history page; null for changes outside any RIG.</summary>
    public int? RigId { get; set; }

    public AuditAction Action { get; set; }
    public string? UserId { get; set; }
    public string? UserDisplayName { get; set; }
    public DateTime OccurredAt { get; set; }

    /// <summary>The status before and after, copied from <see cref="Changes"/> so that queries can find review decisions.</summary>
    public RigStatus? FromStatus { get; set; }

    public RigStatus? ToStatus { get; set; }

    /// <summary>The note a reviewer or admin wrote; leaders see review notes.</summary>
    public string? Note { get; set; }

    /// <summary>The one shape of every entry's changes, as JSON: field → { "before": …, "after": … } (see <see cref="AuditChanges"/>).</summary>
    public string? Changes { get; set; }
}

/// <summary>Every kind of change the audit log records. Stored by name: renaming a member needs a data migration.</summary>
public enum AuditAction
{
    Started,
    Submitted,
    Approved,
    ChangesRequested,
    Rejected,
    ChangeRequested,
    ChangeWithdrawn,
    ChangeApproved,
    ChangeRejected,
    Edited,
    Verified,
    Archived,
    Restored,
    SponsorAdded,
    SponsorRemoved,
    SponsorConfirmed,
    OfficerSaved,
    OfficerInvited,
    InvitationAccepted,
    RegionEdited,
    RegionalContactAdded,
    RegionalContactRemoved,

    /// <summary>A student wrote to the starters of a RIG being registered, through the app.</summary>
    StartersMessaged,

    /// <summary>A student said "I'm interested" (or changed what they share); the entry holds no contact details.</summary>
    InterestShown,

    /// <summary>A student withdrew their interest; what they had shared is deleted.</summary>
    InterestWithdrawn,

    /// <summary>An email the outbox gave up on after its last retry.</summary>
    EmailFailed,

    /// <summary>An admin queued a failed email again.</summary>
    EmailResent,

    /// <summary>Someone offered to mentor (or offered again after changes); the offer waits for review.</summary>
    MentorOffered,
    MentorApproved,
    MentorChangesRequested,
    MentorRejected,
    MentorPaused,
    MentorResumed,
    MentorWithdrawn,
    MentorDeactivated,
    MentorLinked,
    MentorUnlinked,
    MentorshipRequested,
    MentorshipAccepted,
    MentorshipDeclined,
    MentorshipExpired,
    MentorshipCancelled,
    MentorshipEnded,
    MentorshipReported,
    MentorshipReportResolved,
    SubspecialtyEdited,
    EventCreated,
    EventEdited,
    EventCancelled,

    /// <summary>An admin hid an event from every public page, with a note to its hosts.</summary>
    EventHidden,
    EventShown,
    EventRegistered,
    EventWaitlisted,
    EventRegistrationCancelled,

    /// <summary>A seat freed up (or was added) and the first student on the waitlist took it.</summary>
    EventSeatGiven,
    EventAttendanceMarked,

    /// <summary>An admin downloaded the RIG contact list (officers' and sponsors' emails): the format and count in the note.</summary>
    ContactsExported,

    /// <summary>The leaders were emailed the yearly "still active?" reminder (the note says which).</summary>
    VerificationReminded,

    /// <summary>From March, leaders who all graduate this year were asked to invite their successors.</summary>
    SuccessionReminded,

    /// <summary>Officers' terms ended on 1 July of their graduation year.</summary>
    OfficerTermEnded,

    /// <summary>A student asked to lead an unclaimed RIG.</summary>
    Claimed,
    ClaimConfirmedBySponsor,
    ClaimApproved,
    ClaimDeclined,

    /// <summary>An admin put one field of an earlier change back as it was; the note names the entry undone.</summary>
    Reverted,

    /// <summary>An admin granted or revoked a role, locked or unlocked an account, or sent its confirmation email again.</summary>
    RoleGranted,
    RoleRevoked,
    AccountLocked,
    AccountUnlocked,
    ConfirmationResent,

    /// <summary>Curators' changes to the list of schools: each school's entry holds its fields before and after.</summary>
    SchoolAdded,
    SchoolEdited,
    SchoolListed,
    SchoolDeclined,
    SchoolMerged,
    SchoolRetired,
    RegionCreated,
    RegionRetired,

    /// <summary>A state or province moved to another region: the map, the counts and the contacts follow.</summary>
    StateMoved,
    ResourcePublished,
    ResourceEdited,
    ResourceFileAttached,
    ResourceFileRemoved,

    /// <summary>Workshop funding: a call opened or edited, and each application's steps from draft to report.</summary>
    FundingCallOpened,
    FundingCallEdited,
    FundingApplicationSaved,
    FundingApplicationSubmitted,
    FundingScored,
    FundingAwarded,
    FundingDeclined,
    FundingChangesRequested,
    FundingReported,

    /// <summary>Recognition: an award defined, a RIG nominated for it, a winner chosen (or unchosen).</summary>
    AwardCreated,
    Nominated,
    AwardWinnerSelected,
    AwardWinnerWithdrawn,

    /// <summary>A RIG named as an event's co-host accepted (the event shows on its pages), or declined or stopped co-hosting.</summary>
    EventCoHostAccepted,
    EventCoHostDeclined,
}

/// <summary>One field's value before and after a change; null before means added, null after means removed.</summary>
public sealed record FieldChange(string? Before, string? After);

/// <summary>The before/after of every audit entry, field by field.</summary>
public sealed class AuditChanges : Dictionary<string, FieldChange>
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public AuditChanges()
        : base(StringComparer.Ordinal)
    {
    }

    public const string StatusField = "Status";

    public static AuditChanges Of(string field, string? before, string? after) => new AuditChanges().With(field, before, after);

    /// <summary>A change of status, the shape review decisions and the lifecycle record.</summary>
    public static AuditChanges Status(RigStatus from, RigStatus to) => Of(StatusField, from.ToString(), to.ToString());

    public AuditChanges With(string field, string? before, string? after)
    {
        if (before != after)
        {
            this[field] = new FieldChange(before, after);
        }

        return this;
    }

    public string? Serialize() => Count == 0 ? null : JsonSerializer.Serialize<Dictionary<string, FieldChange>>(this, Json);

    public static AuditChanges Parse(string? json)
    {
        var changes = new AuditChanges();
        if (string.IsNullOrEmpty(json))
        {
            return changes;
        }

        foreach (var (field, change) in JsonSerializer.Deserialize<Dictionary<string, FieldChange>>(json, Json) ?? [])
        {
            changes[field] = change;
        }

        return changes;
    }

    /// <summary>"Name: A → B; Sponsor: + Dr X" — how an entry reads in a history list.</summary>
    public override string ToString() => string.Join("; ", this.Select(c => c.Value switch
    {
        { Before: null } => $"{Label(c.Key)}: + {c.Value.After}",
        { After: null } => $"{Label(c.Key)}: − {c.Value.Before}",
        _ => $"{Label(c.Key)}: {c.Value.Before} → {c.Value.After}",
    }));

    /// <summary>Fields whose words are not their name's.</summary>
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [nameof(Rig.XUrl)] = "X (Twitter)",
        [nameof(Rig.LinkedInUrl)] = "LinkedIn",
        [nameof(Rig.InstagramUrl)] = "Instagram",
        [nameof(Rig.FoundedYear)] = "Year founded",
        [nameof(Rig.ContactEmail)] = "Contact email",
    };

    /// <summary>A field as people read it: "HowToGetInvolved" is "How to get involved"; fields stored in words stay as they are.</summary>
    public static string Label(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (Labels.TryGetValue(field, out var label))
        {
            return label;
        }

        var words = System.Text.RegularExpressions.Regex.Replace(field, "(?<=[a-z])(?=[A-Z])", " ", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        return words.Length == field.Length ? field : words[..1] + words[1..].ToLowerInvariant();
    }
}

/// <summary>An entity whose concurrency token is a counter bumped on every save.</summary>
public interface IVersioned
{
    int Version { get; set; }
}
