using System.Globalization;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Features.Registration;

/// <summary>What every wizard page shows about the registration, besides its own form.</summary>
public sealed record RegistrationViewModel(
    int Id,
    string Name,
    string School,
    bool SchoolIsRequested,
    RigStatus Status,
    RegistrationStep Step,
    string? ReviewNote,
    RegistrationStep? ReviewStep,
    IReadOnlyList<SponsorRow> Sponsors,
    IReadOnlyList<OfficerRow> Officers,
    IReadOnlyList<InvitationRow> Invitations,
    IReadOnlyList<string> MissingForSubmission)
{
    public bool Editable => RegistrationWorkflow.IsEditableByLeaders(Status);

    public bool AwaitingDecision => RegistrationWorkflow.AwaitingDecision(Status);

    /// <summary>In the directory: it can be archived, and changes to it are reviewed apart.</summary>
    public bool Approved => RegistrationWorkflow.IsApproved(Status);

    public bool Archived => RegistrationWorkflow.IsArchived(Status);

    public static RegistrationViewModel From(Rig rig, string? reviewNote)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var school = rig.School!;
        return new RegistrationViewModel(
            rig.Id,
            rig.Name,
            school.DisplayName,
            Domain.School.IsRequested(school.Status),
            rig.Status,
            rig.RegistrationStep,
            reviewNote,
            reviewNote is null ? null : rig.ReviewStep,
            rig.Sponsors.OrderBy(s => s.SortOrder).ThenBy(s => s.Id).Select(s => new SponsorRow(s.Id, s.Name, s.Title, s.Email, s.ConfirmedAt is not null)).ToList(),
            rig.Officers.Where(o => o.EndedAt == null).Select(o => new OfficerRow(o.User?.DisplayName ?? "", o.Position, o.GraduationYear)).ToList(),
            rig.Invitations.OrderBy(i => i.CreatedAt).Select(i => new InvitationRow(i.Email, i.Position, i.AcceptedAt is not null, i.ExpiresAt)).ToList(),
            RegistrationRules.MissingForSubmission(rig));
    }
}

public sealed record SponsorRow(int Id, string Name, string? Title, string Email, bool Confirmed);

public sealed record OfficerRow(string Name, string Position, int GraduationYear);

public sealed record InvitationRow(string Email, string Position, bool Accepted, DateTime ExpiresAt);

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
            firstEvent is null ? null : $"{firstEvent.Title} — {firstEvent.StartsAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} ({firstEvent.Format.DisplayName()})");
    }
}
