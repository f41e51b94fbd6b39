using System.Globalization;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Features.Register;

/// <summary>What every wizard page shows about the registration, besides its own form.</summary>
public sealed record RegistrationViewModel(
    int Id,
    string Name,
    string School,
    bool SchoolIsRequested,
    RigStatus Status,
    RegistrationStep Step,
    string? ReviewNote,
    IReadOnlyList<SponsorRow> Sponsors,
    IReadOnlyList<OfficerRow> Officers,
    IReadOnlyList<InvitationRow> Invitations,
    IReadOnlyList<string> MissingForSubmission)
{
    public bool Editable => RegistrationWorkflow.IsEditableByLeaders(Status);

    public static RegistrationViewModel From(Rig rig, string? reviewNote)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var school = rig.School!;
        return new RegistrationViewModel(
            rig.Id,
            rig.Name,
            school.DisplayName,
            school.Status == SchoolStatus.Requested,
            rig.Status,
            rig.RegistrationStep,
            reviewNote,
            rig.Sponsors.OrderBy(s => s.SortOrder).ThenBy(s => s.Id).Select(s => new SponsorRow(s.Id, s.Name, s.Title, s.Email, s.ConfirmedAt is not null)).ToList(),
            rig.Officers.Where(o => o.EndedAt == null).Select(o => new OfficerRow(o.User?.DisplayName ?? "", o.Position, o.GraduationYear)).ToList(),
            rig.Invitations.OrderBy(i => i.CreatedAt).Select(i => new InvitationRow(i.Email, i.Position, i.AcceptedAt is not null, i.ExpiresAt)).ToList(),
            RegistrationRules.MissingForSubmission(rig));
    }
}

public sealed record SponsorRow(int Id, string Name, string? Title, string Email, bool Confirmed);

public sealed record OfficerRow(string Name, string Position, int GraduationYear);

public sealed record InvitationRow(string Email, string Position, bool Accepted, DateTime ExpiresAt);

/// <summary>A wizard page: the registration so far and the form of this step.</summary>
public sealed record RegistrationPage<TInput>(RegistrationViewModel Registration, TInput Input);

public static class RegistrationRules
{
    /// <summary>What still stops a registration from being submitted, in words the leader can act on.</summary>
    public static IReadOnlyList<string> MissingForSubmission(Rig rig)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var missing = new List<string>();
        if (rig.Sponsors.Count == 0)
        {
            missing.Add("Add at least one faculty sponsor.");
        }

        if (!rig.Officers.Any(o => o.EndedAt == null))
        {
            missing.Add("Say which position you hold and when you expect to graduate.");
        }

        if (string.IsNullOrWhiteSpace(rig.Description) || string.IsNullOrWhiteSpace(rig.ContactEmail))
        {
            missing.Add("Describe the RIG and give its contact email.");
        }

        if (rig.Events.Count == 0)
        {
            missing.Add("Plan the first event.");
        }

        return missing;
    }
}

public sealed record DraftRow(int Id, string Name, string School, RigStatus Status, RegistrationStep Step);

/// <summary>
/// A school the wizard offers. Unavailable without saying why unless its RIG is public: the type-ahead answers anyone
/// signed in, and must not reveal that an unpublished registration exists.
/// </summary>
public sealed record SchoolChoice(string Slug, string Name, string? Campus, string City, string PostalCode, string? ApprovedRigSlug, bool Available);

public sealed record StateChoice(string Code, string Name);

public sealed record StartViewModel(IReadOnlyList<DraftRow> Drafts, string Query, IReadOnlyList<SchoolChoice> Schools, IReadOnlyList<StateChoice> States, MissingSchoolInput MissingSchool);

/// <summary>The registration as the review page and the review desk show it.</summary>
public sealed record RigSummary(
    string Name,
    string? Description,
    string? HowToGetInvolved,
    IReadOnlyList<string> Activities,
    string MeetingCadence,
    string? ContactEmail,
    ContactVisibility ContactVisibility,
    IReadOnlyList<string> Links,
    int? FoundedYear,
    string? FirstEvent)
{
    public static RigSummary From(Rig rig)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var firstEvent = rig.Events.OrderBy(e => e.StartsAt).FirstOrDefault();
        return new RigSummary(
            rig.Name,
            rig.Description,
            rig.HowToGetInvolved,
            RigText.DisplayNames(rig.Activities),
            rig.MeetingCadence.DisplayName(),
            rig.ContactEmail,
            rig.ContactVisibility,
            new[] { rig.Website, rig.InstagramUrl, rig.XUrl, rig.LinkedInUrl }.OfType<string>().ToList(),
            rig.FoundedYear,
            firstEvent is null ? null : $"{firstEvent.Title} — {firstEvent.StartsAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} ({firstEvent.Format})");
    }
}
