using System.ComponentModel.DataAnnotations;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Rigs;

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

    [Required, ValidEmail, StringLength(EmailAddressRules.MaxLength)]
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
    [Required, ValidEmail, StringLength(EmailAddressRules.MaxLength)]
    [Display(Name = "Co-leader's email")]
    public string Email { get; set; } = "";

    [Required, StringLength(Limits.Position, MinimumLength = 2)]
    [Display(Name = "Their position")]
    public string Position { get; set; } = "Vice President";
}

public sealed class DetailsInput : RigFieldsInput
{
    [Required, StringLength(Limits.Name, MinimumLength = 3)]
    [Display(Name = "RIG name")]
    public string Name { get; set; } = "";

    [Required, StringLength(Limits.Name, MinimumLength = 3)]
    [Display(Name = "First event")]
    public string EventTitle { get; set; } = "";

    [Required(ErrorMessage = "Choose the date of the first event.")]
    [DataType(DataType.Date)]
    [Display(Name = "Date")]
    public DateOnly? EventDate { get; set; }

    [Display(Name = "Format")]
    public EventFormat EventFormat { get; set; }

    public static DetailsInput From(Rig rig)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var firstEvent = rig.Events.OrderBy(e => e.StartsAt).FirstOrDefault();
        var input = new DetailsInput
        {
            Name = rig.Name,
            EventTitle = firstEvent?.Title ?? "",
            EventDate = firstEvent is null ? null : DateOnly.FromDateTime(firstEvent.StartsAt),
            EventFormat = firstEvent?.Format ?? EventFormat.InPerson,
        };
        input.LoadFrom(rig);
        return input;
    }
}
