using System.ComponentModel.DataAnnotations;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Administration;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Registration;

// The commands of the RIG lifecycle, as the forms post them: validated by their attributes, then by the lifecycle.

/// <summary>
/// The fields of a RIG its leaders describe, shared by the registration wizard and the edit page of an
/// approved RIG; each adds what only it asks for.
/// </summary>
public abstract class RigFieldsInput
{
    [Required(ErrorMessage = "Describe the RIG in a few sentences: what it does and who it is for.")]
    [StringLength(Limits.LongText, MinimumLength = 20, ErrorMessage = "Describe the RIG in 20 to 4,000 characters.")]
    public string Description { get; set; } = "";

    [StringLength(Limits.LongText)]
    [Display(Name = "How to get involved")]
    public string? HowToGetInvolved { get; set; }

    [MaxLength(16)]
    public List<RigActivities> Activities { get; set; } = [];

    [Display(Name = "How often it meets")]
    public MeetingCadence MeetingCadence { get; set; }

    [Required(ErrorMessage = "Enter an email address students can write to, such as the RIG's shared inbox.")]
    [ValidEmail, StringLength(EmailAddressRules.MaxLength)]
    [Display(Name = "Contact email")]
    public string ContactEmail { get; set; } = "";

    [Display(Name = "Who can see the contact email")]
    public ContactVisibility ContactVisibility { get; set; } = ContactVisibility.SignedInOnly;

    [Url, StringLength(Limits.Url)]
    public string? Website { get; set; }

    [Url, StringLength(Limits.Url)]
    [Display(Name = "Instagram")]
    public string? InstagramUrl { get; set; }

    [Url, StringLength(Limits.Url)]
    [Display(Name = "X")]
    public string? XUrl { get; set; }

    [Url, StringLength(Limits.Url)]
    [Display(Name = "LinkedIn")]
    public string? LinkedInUrl { get; set; }

    [Range(1950, 2100, ErrorMessage = "Enter the year the RIG was founded.")]
    [Display(Name = "Founded")]
    public int? FoundedYear { get; set; }

    /// <summary>Fills the form from the RIG as it is.</summary>
    protected void LoadFrom(Rig rig)
    {
        ArgumentNullException.ThrowIfNull(rig);
        Description = rig.Description ?? "";
        HowToGetInvolved = rig.HowToGetInvolved;
        Activities = RigText.AllActivities.Where(a => rig.Activities.HasFlag(a)).ToList();
        MeetingCadence = rig.MeetingCadence;
        ContactEmail = rig.ContactEmail ?? "";
        ContactVisibility = rig.ContactVisibility;
        Website = rig.Website;
        InstagramUrl = rig.InstagramUrl;
        XUrl = rig.XUrl;
        LinkedInUrl = rig.LinkedInUrl;
        FoundedYear = rig.FoundedYear;
    }

    /// <summary>Copies the fields onto the RIG; returns each changed field's before and after.</summary>
    public AuditChanges ApplyTo(Rig rig)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var changes = new AuditChanges();
        void Set<T>(string field, T before, T after, Action<T> apply)
        {
            if (!EqualityComparer<T>.Default.Equals(before, after))
            {
                changes.With(field, Text(before), Text(after));
                apply(after);
            }
        }

        static string? Text<T>(T value) => value is null ? null : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
        static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        Set(nameof(Rig.Description), rig.Description, Description.Trim(), v => rig.Description = v);
        Set(nameof(Rig.HowToGetInvolved), rig.HowToGetInvolved, Blank(HowToGetInvolved), v => rig.HowToGetInvolved = v);
        Set(nameof(Rig.Activities), rig.Activities, Activities.Aggregate(RigActivities.None, (all, a) => all | a), v => rig.Activities = v);
        Set(nameof(Rig.MeetingCadence), rig.MeetingCadence, MeetingCadence, v => rig.MeetingCadence = v);
        Set(nameof(Rig.ContactEmail), rig.ContactEmail, ContactEmail.Trim(), v => rig.ContactEmail = v);
        Set(nameof(Rig.ContactVisibility), rig.ContactVisibility, ContactVisibility, v => rig.ContactVisibility = v);
        Set(nameof(Rig.Website), rig.Website, Blank(Website), v => rig.Website = v);
        Set(nameof(Rig.InstagramUrl), rig.InstagramUrl, Blank(InstagramUrl), v => rig.InstagramUrl = v);
        Set(nameof(Rig.XUrl), rig.XUrl, Blank(XUrl), v => rig.XUrl = v);
        Set(nameof(Rig.LinkedInUrl), rig.LinkedInUrl, Blank(LinkedInUrl), v => rig.LinkedInUrl = v);
        Set(nameof(Rig.FoundedYear), rig.FoundedYear, FoundedYear, v => rig.FoundedYear = v);
        return changes;
    }
}

/// <summary>A school as a leader describes one the directory lacks; curators' <see cref="SchoolInput"/> adds where it is.</summary>
public class MissingSchoolInput
{
    [Required(ErrorMessage = "Enter the school's full name.")]
    [StringLength(Limits.Name, MinimumLength = 3, ErrorMessage = "Enter the school's full name (3 to 200 characters).")]
    [Display(Name = "School name")]
    public string Name { get; set; } = "";

    [StringLength(Limits.Name)]
    [Display(Name = "Campus (if not the main one)")]
    public string? Campus { get; set; }

    [Required(ErrorMessage = "Enter the city the school (or campus) is in.")]
    [StringLength(Limits.Name, MinimumLength = 2, ErrorMessage = "Enter the city the school (or campus) is in.")]
    public string City { get; set; } = "";

    [Required(ErrorMessage = "Choose the state or province.")]
    [RegularExpression("^(US|CA)-[A-Z]{2}$", ErrorMessage = "Choose the state or province.")]
    [Display(Name = "State or province")]
    public string State { get; set; } = "";

    public DegreeType Degree { get; set; }
}

public sealed class SponsorInput
{
    [Required(ErrorMessage = "Enter the sponsor's name.")]
    [StringLength(Limits.Name, MinimumLength = 2, ErrorMessage = "Enter the sponsor's name (2 to 200 characters).")]
    public string Name { get; set; } = "";

    [StringLength(Limits.Name)]
    public string? Title { get; set; }

    [StringLength(Limits.Name)]
    public string? Department { get; set; }

    [Required(ErrorMessage = "Enter the sponsor's institutional email: we ask them there to confirm.")]
    [ValidEmail, StringLength(EmailAddressRules.MaxLength)]
    [Display(Name = "Institutional email")]
    public string Email { get; set; } = "";
}

public sealed class OfficerInput
{
    [Required(ErrorMessage = "Enter your position in the RIG, such as President.")]
    [StringLength(Limits.Position, MinimumLength = 2, ErrorMessage = "Enter your position in the RIG, such as President.")]
    [Display(Name = "Your position")]
    public string Position { get; set; } = "President";

    [Required(ErrorMessage = "Enter the year you expect to graduate.")]
    [Range(2000, 2100, ErrorMessage = "Enter the year you expect to graduate, such as 2028.")]
    [Display(Name = "Expected graduation year")]
    public int? GraduationYear { get; set; }
}

public sealed class InvitationInput
{
    [Required(ErrorMessage = "Enter the email address of the classmate you are inviting.")]
    [ValidEmail, StringLength(EmailAddressRules.MaxLength)]
    [Display(Name = "Co-leader's email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter the position they will hold, such as Vice President.")]
    [StringLength(Limits.Position, MinimumLength = 2, ErrorMessage = "Enter the position they will hold, such as Vice President.")]
    [Display(Name = "Their position")]
    public string Position { get; set; } = "Vice President";
}

public sealed class DetailsInput : RigFieldsInput
{
    [Required(ErrorMessage = "Enter the RIG's name, such as \"Tufts Radiology Interest Group\".")]
    [StringLength(Limits.Name, MinimumLength = 3, ErrorMessage = "Enter the RIG's name (3 to 200 characters).")]
    [Display(Name = "RIG name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Name the first event you plan, such as \"Welcome lunch with the residents\".")]
    [StringLength(Limits.Name, MinimumLength = 3, ErrorMessage = "Name the first event in 3 to 200 characters.")]
    [Display(Name = "First event")]
    public string EventTitle { get; set; } = "";

    [Required(ErrorMessage = "Choose the date of the first event.")]
    [DataType(DataType.Date)]
    [Display(Name = "Date")]
    public DateOnly? EventDate { get; set; }

    [Display(Name = "Format")]
    public EventFormat EventFormat { get; set; }

    /// <summary>
    /// The first event the wizard asks for: created the first time, updated after. The wizard asks only its date, so
    /// it is set at noon to one o'clock in <paramref name="timeZoneId"/> (the school's); its leaders set the real
    /// time once the RIG is approved and the event is published.
    /// </summary>
    public void ApplyFirstEventTo(Rig rig, string timeZoneId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var firstEvent = rig.Events.OrderBy(e => e.StartsAt).FirstOrDefault();
        if (firstEvent is null)
        {
            firstEvent = new Event { Title = "", Type = EventType.Other, CreatedAt = now, CreatedByUserId = rig.CreatedByUserId };
            rig.Events.Add(firstEvent);
        }

        firstEvent.Title = EventTitle.Trim();
        firstEvent.TimeZoneId = timeZoneId;
        firstEvent.StartsOn = EventDate!.Value;
        firstEvent.StartsAt = EventTimeZones.ToUtc(EventDate.Value.ToDateTime(new TimeOnly(12, 0)), timeZoneId) ?? EventDate.Value.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc);
        firstEvent.EndsAt = firstEvent.StartsAt.AddHours(1);
        firstEvent.Format = EventFormat;
        firstEvent.UpdatedAt = now;
    }

    public static DetailsInput From(Rig rig)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var firstEvent = rig.Events.OrderBy(e => e.StartsAt).FirstOrDefault();
        var input = new DetailsInput
        {
            Name = rig.Name,
            EventTitle = firstEvent?.Title ?? "",
            EventDate = firstEvent?.StartsOn,
            EventFormat = firstEvent?.Format ?? EventFormat.InPerson,
        };
        input.LoadFrom(rig);
        return input;
    }
}

/// <summary>What a leader may change on an approved RIG: the shared fields live, name and school through review.</summary>
public sealed class RigProfileInput : RigFieldsInput
{
    [Required(ErrorMessage = "Enter the RIG's name.")]
    [StringLength(Limits.Name, MinimumLength = 3, ErrorMessage = "Enter the RIG's name (3 to 200 characters).")]
    [Display(Name = "RIG name (a change goes to review)")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Choose the RIG's school.")]
    [StringLength(Limits.Slug)]
    [Display(Name = "School (a change goes to review)")]
    public string SchoolSlug { get; set; } = "";

    public static RigProfileInput From(Rig rig)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var input = new RigProfileInput { Name = rig.PendingName ?? rig.Name, SchoolSlug = rig.PendingSchool?.Slug ?? rig.School!.Slug };
        input.LoadFrom(rig);
        return input;
    }
}

public enum ReviewAction
{
    Approve = 0,
    RequestChanges = 1,
    Reject = 2,
}

public sealed class DecisionInput
{
    /// <summary>Nothing is chosen for the reviewer: a decision is a choice, never a default.</summary>
    [Required(ErrorMessage = "Choose a decision: approve and publish, request changes, or reject.")]
    public ReviewAction? Action { get; set; }

    [StringLength(Limits.LongText)]
    public string? Note { get; set; }

    /// <summary>When asking for changes, the step the note is about (the leaders land there); none for the whole registration.</summary>
    public RegistrationStep? Step { get; set; }

    /// <summary>The version of the registration the reviewer was looking at.</summary>
    public int Version { get; set; }
}

/// <summary>A student's note to the starters of a RIG being registered at their school.</summary>
public sealed class StarterMessageInput
{
    public const int MaxLength = 1000;

    [Required(ErrorMessage = "Write a few words: who you are and how you would like to help.")]
    [StringLength(MaxLength, MinimumLength = 10, ErrorMessage = "Write 10 to 1,000 characters: who you are and how you would like to help.")]
    [Display(Name = "Your message")]
    public string Message { get; set; } = "";
}

public sealed class AcceptInput
{
    [Required(ErrorMessage = "Enter the year you expect to graduate.")]
    [Range(2000, 2100, ErrorMessage = "Enter the year you expect to graduate, such as 2028.")]
    [Display(Name = "Expected graduation year")]
    public int? GraduationYear { get; set; }
}

/// <summary>An admin's archive or restore: a note for the history and the version the admin was looking at.</summary>
public sealed class StatusChangeInput
{
    [StringLength(Limits.LongText)]
    public string? Note { get; set; }

    public int Version { get; set; }
}
