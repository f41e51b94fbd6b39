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
