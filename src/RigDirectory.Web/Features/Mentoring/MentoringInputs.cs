using System.ComponentModel.DataAnnotations;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Mentoring;

/// <summary>Exactly what the offer-to-mentor form posts.</summary>
public sealed class MentorOfferInput
{
    [Required(ErrorMessage = "Choose your role.")]
    [Display(Name = "Your role")]
    public MentorRole? Role { get; set; }

    [Required(ErrorMessage = "Enter where you work or train.")]
    [StringLength(Limits.Name, MinimumLength = 2, ErrorMessage = "Enter where you work or train (2 to 200 characters).")]
    [Display(Name = "Institution")]
    public string Institution { get; set; } = "";

    [Required(ErrorMessage = "Enter the city you work in.")]
    [StringLength(Limits.Name, MinimumLength = 2, ErrorMessage = "Enter the city (2 to 200 characters).")]
    [Display(Name = "City")]
    public string City { get; set; } = "";

    [Required(ErrorMessage = "Choose the state or province.")]
    [StringLength(8)]
    [Display(Name = "State or province")]
    public string State { get; set; } = "";

    [Display(Name = "Subspecialties")]
    [MaxLength(20)]
    public List<int> Subspecialties { get; set; } = [];

    [Display(Name = "What you offer")]
    [MaxLength(10)]
    public List<MentorOffers> Offers { get; set; } = [];

    [Required(ErrorMessage = "Choose how you meet students.")]
    [Display(Name = "How you meet")]
    public MentorFormat? Format { get; set; }

    [Required(ErrorMessage = "Write a short bio: students read it to choose whom to ask.")]
    [StringLength(MentoringRules.BioLength, MinimumLength = 20, ErrorMessage = "Write a bio of 20 to 1,000 characters.")]
    [Display(Name = "Short bio")]
    public string Bio { get; set; } = "";

    [Required(ErrorMessage = "Enter how many students you can mentor at once.")]
    [Range(MentoringRules.MinCapacity, MentoringRules.MaxCapacity, ErrorMessage = "Enter 1 to 10 students at once.")]
    [Display(Name = "Students at once")]
    public int? Capacity { get; set; } = 2;

    public MentorOffers OffersAsFlags => Offers.Where(o => MentoringRules.AllOffers.Contains(o)).Aggregate(MentorOffers.None, (all, o) => all | o);
}

/// <summary>A student's request to a mentor.</summary>
public sealed class MentorshipRequestInput
{
    [Required(ErrorMessage = "Write why you ask and what you hope for.")]
    [StringLength(MentoringRules.MessageLength, MinimumLength = 20, ErrorMessage = "Write 20 to 1,000 characters: why you ask and what you hope for.")]
    [Display(Name = "Your message")]
    public string Message { get; set; } = "";

    /// <summary>The school chosen among several that matched <see cref="SchoolName"/>; it wins over the name.</summary>
    [StringLength(Limits.Slug)]
    public string? School { get; set; }

    /// <summary>The student's school as typed: its name, an abbreviation or its city.</summary>
    [StringLength(Limits.Name, ErrorMessage = "Enter your school's name (up to 200 characters).")]
    [Display(Name = "Your school")]
    public string? SchoolName { get; set; }
}

/// <summary>A note on declining, ending, deactivating or reporting; optional or required as the command says.</summary>
public sealed class MentoringNoteInput
{
    [StringLength(MentoringRules.NoteLength, ErrorMessage = "Keep the note under 1,000 characters.")]
    [Display(Name = "Note")]
    public string? Note { get; set; }

    /// <summary>The version of the offer or mentorship the user was looking at.</summary>
    public int Version { get; set; }
}

/// <summary>An admin's new subspecialty, or a new name for one.</summary>
public sealed class SubspecialtyInput
{
    [Required(ErrorMessage = "Enter the subspecialty's name.")]
    [StringLength(Limits.Position, MinimumLength = 2, ErrorMessage = "Enter a name of 2 to 80 characters.")]
    [Display(Name = "Name")]
    public string Name { get; set; } = "";
}
