using System.ComponentModel.DataAnnotations;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Features.Rigs;

/// <summary>
/// The fields of a RIG its leaders describe, shared by the registration wizard and the edit page of an
/// approved RIG; each adds what only it asks for.
/// </summary>
public abstract class RigFieldsInput
{
    [Required, StringLength(Limits.LongText, MinimumLength = 20, ErrorMessage = "Describe the RIG in 20 to 4,000 characters.")]
    public string Description { get; set; } = "";

    [StringLength(Limits.LongText)]
    [Display(Name = "How to get involved")]
    public string? HowToGetInvolved { get; set; }

    [MaxLength(16)]
    public List<RigActivities> Activities { get; set; } = [];

    [Display(Name = "How often it meets")]
    public MeetingCadence MeetingCadence { get; set; }

    [Required, ValidEmail, StringLength(EmailAddressRules.MaxLength)]
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
    public Dictionary<string, object?[]> ApplyTo(Rig rig)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var changes = new Dictionary<string, object?[]>();
        void Set<T>(string field, T before, T after, Action<T> apply)
        {
            if (!EqualityComparer<T>.Default.Equals(before, after))
            {
                changes[field] = [before, after];
                apply(after);
            }
        }

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
