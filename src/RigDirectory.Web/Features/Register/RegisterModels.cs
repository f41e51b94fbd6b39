using System.ComponentModel.DataAnnotations;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Features.Register;

public sealed class MissingSchoolInput
{
    [Required, StringLength(Limits.Name, MinimumLength = 3)]
    [Display(Name = "School name")]
    public string Name { get; set; } = "";

    [StringLength(Limits.Name)]
    [Display(Name = "Campus (if not the main one)")]
    public string? Campus { get; set; }

    [Required, StringLength(Limits.Name, MinimumLength = 2)]
    public string City { get; set; } = "";

    [Required(ErrorMessage = "Choose the state or province.")]
    [RegularExpression("^(US|CA)-[A-Z]{2}$", ErrorMessage = "Choose the state or province.")]
    [Display(Name = "State or province")]
    public string State { get; set; } = "";

    public DegreeType Degree { get; set; }
}

public sealed class SponsorInput
{
    [Required, StringLength(Limits.Name, MinimumLength = 2)]
    public string Name { get; set; } = "";

    [StringLength(Limits.Name)]
    public string? Title { get; set; }

    [StringLength(Limits.Name)]
    public string? Department { get; set; }

    [Required, EmailAddress, StringLength(Limits.Email)]
    [Display(Name = "Institutional email")]
    public string Email { get; set; } = "";
}

public sealed class OfficerInput
{
    [Required, StringLength(Limits.Position, MinimumLength = 2)]
    [Display(Name = "Your position")]
    public string Position { get; set; } = "President";

    [Range(2000, 2100, ErrorMessage = "Enter the year you expect to graduate.")]
    [Display(Name = "Expected graduation year")]
    public int GraduationYear { get; set; }
}

public sealed class InvitationInput
{
    [Required, EmailAddress, StringLength(Limits.Email)]
    [Display(Name = "Co-leader's email")]
    public string Email { get; set; } = "";

    [Required, StringLength(Limits.Position, MinimumLength = 2)]
    [Display(Name = "Their position")]
    public string Position { get; set; } = "Vice President";
}

public sealed class DetailsInput
{
    [Required, StringLength(Limits.Name, MinimumLength = 3)]
    [Display(Name = "RIG name")]
    public string Name { get; set; } = "";

    [Required, StringLength(Limits.LongText, MinimumLength = 20, ErrorMessage = "Describe the RIG in 20 to 4,000 characters.")]
    public string Description { get; set; } = "";

    [StringLength(Limits.LongText)]
    [Display(Name = "How to get involved")]
    public string? HowToGetInvolved { get; set; }

    [MaxLength(16)]
    public List<RigActivities> Activities { get; set; } = [];

    [Display(Name = "How often it meets")]
    public MeetingCadence MeetingCadence { get; set; }

    [Required, EmailAddress, StringLength(Limits.Email)]
    [Display(Name = "Contact email")]
    public string ContactEmail { get; set; } = "";

    [Display(Name = "Who can see the contact email")]
    public ContactVisibility ContactVisibility { get; set; } = ContactVisibility.SignedInOnly;

    [Url, StringLength(Limits.Url)]
    public string? Website { get; set; }

    [Url, StringLength(Limits.Url)]
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

    [Required, StringLength(Limits.Name, MinimumLength = 3)]
    [Display(Name = "First event")]
    public string EventTitle { get; set; } = "";

    [Required(ErrorMessage = "Choose the date of the first event.")]
    [DataType(DataType.Date)]
    [Display(Name = "Date")]
    public DateOnly? EventDate { get; set; }

    [Display(Name = "Format")]
    public EventFormat EventFormat { get; set; }
}
