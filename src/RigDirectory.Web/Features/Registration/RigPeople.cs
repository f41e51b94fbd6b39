using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Notifications;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Registration;

/// <summary>
/// The people of a RIG, during registration and after approval: faculty sponsors (added, confirmed from an emailed
/// link, removed), the leader's own position, and co-leaders invited by email (sent, accepted once, or expired).
/// </summary>
public sealed class RigPeople(AppDbContext db, LedRigs led, RigDrafts drafts, AuditLog audit, EmailNotifications emails, SaveStep save, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<LifecycleResult> AddSponsorAsync(int id, SponsorInput input, Actor by, CancellationToken cancellationToken) =>
        SaveStep.RetryOnConflictAsync(() => AddSponsorOnceAsync(id, input, by, cancellationToken), cancellationToken);

    private async Task<LifecycleResult> AddSponsorOnceAsync(int id, SponsorInput input, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (rig, refusal) = await led.LoadEditableAsync(id, allowApproved: true, by, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var email = input.Email.Trim();
        if (rig!.Sponsors.Any(s => s.Email.Equals(email, StringComparison.OrdinalIgnoreCase)))
        {
            return LifecycleResult.Invalid("Input.Email", "This sponsor is already listed.");
        }

        var token = Tokens.New();
        var sponsor = new FacultySponsor
        {
            Name = input.Name.Trim(),
            Title = input.Title?.Trim(),
            Department = input.Department?.Trim(),
            Email = email,
            ConfirmationTokenHash = Tokens.Hash(token),
            ConfirmationRequestedAt = Now,
            ConfirmationExpiresAt = Now.AddDays(EmailNotifications.SponsorConfirmationDays),
            SortOrder = rig.Sponsors.Count,
        };
        rig.Sponsors.Add(sponsor);
        drafts.Reached(rig, RegistrationStep.Sponsors);
        audit.Rig(rig.Id, AuditAction.SponsorAdded, AuditChanges.Of("Sponsor", null, $"{sponsor.Name} <{sponsor.Email}>"));
        await emails.SponsorRequestAsync(by.DisplayName, rig, sponsor, token, cancellationToken);
        return await SaveAsync(rig, $"{sponsor.Name} was added and asked by email to confirm.", cancellationToken);
    }

    public Task<LifecycleResult> RemoveSponsorAsync(int id, int sponsorId, Actor by, CancellationToken cancellationToken) =>
        SaveStep.RetryOnConflictAsync(() => RemoveSponsorOnceAsync(id, sponsorId, by, cancellationToken), cancellationToken);

    private async Task<LifecycleResult> RemoveSponsorOnceAsync(int id, int sponsorId, Actor by, CancellationToken cancellationToken)
    {
        var (rig, refusal) = await led.LoadEditableAsync(id, allowApproved: true, by, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var sponsor = rig!.Sponsors.SingleOrDefault(s => s.Id == sponsorId);
        if (sponsor is null)
        {
            return LifecycleResult.NotFound;
        }

        if (RegistrationWorkflow.IsApproved(rig.Status) && rig.Sponsors.Count == 1)
        {
            return LifecycleResult.Invalid(string.Empty, "A RIG needs at least one faculty sponsor: add the new sponsor before removing this one.");
        }

        db.FacultySponsors.Remove(sponsor);
        audit.Rig(rig.Id, AuditAction.SponsorRemoved, AuditChanges.Of("Sponsor", $"{sponsor.Name} <{sponsor.Email}>", null));
        return await SaveAsync(rig, $"{sponsor.Name} was removed.", cancellationToken);
    }

    /// <summary>Leaves the sponsors step: at least one sponsor is needed.</summary>
    public async Task<LifecycleResult> FinishSponsorsAsync(int id, Actor by, CancellationToken cancellationToken)
    {
        var (rig, refusal) = await led.LoadEditableAsync(id, allowApproved: true, by, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (rig!.Sponsors.Count == 0)
        {
            return LifecycleResult.Invalid(string.Empty, "Add at least one faculty sponsor before going on.");
        }

        if (!RegistrationWorkflow.IsApproved(rig.Status))
        {
            drafts.Reached(rig, RegistrationStep.Officers);
        }

        return await SaveAsync(rig, null, cancellationToken);
    }

    /// <summary>Messages all students together may send one RIG's starters a day; each student may send one.</summary>
    public const int StarterMessagesPerRigPerDay = 20;

    /// <summary>
    /// A signed-in student writes to the starters of the RIG being registered at a school: the app emails each
    /// current officer (whose addresses stay private) with the student's name and email, so that they can reply.
    /// </summary>
    public async Task<LifecycleResult> MessageStartersAsync(string schoolSlug, StarterMessageInput input, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rig = await db.Rigs.AsNoTracking()
            .Where(RegistrationWorkflow.IsBeingRegistered)
            .Where(r => r.School!.Slug == schoolSlug && r.School.Status == SchoolStatus.Listed)
            .Include(r => r.School)
            .Include(r => r.Officers.Where(o => o.EndedAt == null)).ThenInclude(o => o.User)
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        var userId = by.UserId;
        if (rig is null || userId is null)
        {
            return LifecycleResult.NotFound;
        }

        if (rig.Officers.Any(o => o.UserId == userId))
        {
            return LifecycleResult.Refused("You are one of its leaders already.");
        }

        var since = Now.AddDays(-1);
        // Who wrote to these starters today: a few rows at most (capped below), read once for both limits.
        var senders = await db.AuditEntries.Where(a => a.RigId == rig.Id && a.Action == AuditAction.StartersMessaged && a.OccurredAt > since)
            .Select(a => a.UserId).ToListAsync(cancellationToken);
        if (senders.Contains(userId))
        {
            return LifecycleResult.Invalid("Starters.Message", "You wrote to them today already. Give them a day or two to reply.");
        }

        if (senders.Count >= StarterMessagesPerRigPerDay)
        {
            return LifecycleResult.Invalid("Starters.Message", "This RIG's starters have had many messages today. Try again tomorrow.");
        }

        var student = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Email }).SingleAsync(cancellationToken);
        await emails.StarterMessageAsync(student.DisplayName, student.Email!, rig, rig.Officers.Select(o => o.User!.Email!), input.Message, cancellationToken);
        audit.Rig(rig.Id, AuditAction.StartersMessaged, note: input.Message.Trim());
        return await save.CommitAsync(LifecycleResult.Ok($"Your message is on its way to the starters of {rig.Name}. They see your name and email address, so they can reply to you.", rig.Id), cancellationToken);
    }

    /// <summary>The signed-in leader's own position and graduation year.</summary>
    public Task<LifecycleResult> SaveOwnPositionAsync(int id, OfficerInput input, Actor by, CancellationToken cancellationToken) =>
        SaveStep.RetryOnConflictAsync(() => SaveOwnPositionOnceAsync(id, input, by, cancellationToken), cancellationToken);

    private async Task<LifecycleResult> SaveOwnPositionOnceAsync(int id, OfficerInput input, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (rig, refusal) = await led.LoadEditableAsync(id, allowApproved: true, by, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (input.GraduationYear is not { } year)
        {
            return LifecycleResult.Invalid("Input.GraduationYear", "Enter the year you expect to graduate.");
        }

        if (GraduationYearRefusal(year) is { } wrongYear)
        {
            return LifecycleResult.Invalid("Input.GraduationYear", wrongYear);
        }

        var userId = by.UserId;
        var mine = rig!.Officers.FirstOrDefault(o => o.UserId == userId && o.EndedAt == null);
        var before = mine is null ? null : $"{mine.Position}, class of {mine.GraduationYear.ToString(CultureInfo.InvariantCulture)}";
        mine ??= AddOfficer(rig, userId!, input.Position.Trim(), year);
        mine.Position = input.Position.Trim();
        mine.GraduationYear = year;
        audit.Rig(rig.Id, AuditAction.OfficerSaved, AuditChanges.Of($"Officer {by.DisplayName}", before, $"{mine.Position}, class of {mine.GraduationYear.ToString(CultureInfo.InvariantCulture)}"));
        if (!RegistrationWorkflow.IsApproved(rig.Status))
        {
            drafts.Reached(rig, RegistrationStep.Details);
        }

        return await SaveAsync(rig, RegistrationWorkflow.IsApproved(rig.Status) ? "Your position is saved." : null, cancellationToken);
    }

    public Task<LifecycleResult> InviteAsync(int id, InvitationInput input, Actor by, CancellationToken cancellationToken) =>
        SaveStep.RetryOnConflictAsync(() => InviteOnceAsync(id, input, by, cancellationToken), cancellationToken);

    private async Task<LifecycleResult> InviteOnceAsync(int id, InvitationInput input, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (rig, refusal) = await led.LoadEditableAsync(id, allowApproved: true, by, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var email = input.Email.Trim();
        var token = Tokens.New();
        var invitation = new OfficerInvitation
        {
            Email = email,
            Position = input.Position.Trim(),
            TokenHash = Tokens.Hash(token),
            InvitedByUserId = by.UserId!,
            CreatedAt = Now,
            ExpiresAt = Now.AddDays(EmailNotifications.InvitationDays),
        };
        rig!.Invitations.Add(invitation);
        audit.Rig(rig.Id, AuditAction.OfficerInvited, AuditChanges.Of("Invitation", null, $"{email} as {invitation.Position}"));
        await emails.InvitationAsync(by.DisplayName, rig, invitation, token, cancellationToken);
        return await SaveAsync(rig, $"An invitation was emailed to {email}.", cancellationToken);
    }

    /// <summary>
    /// The invited account accepts: the invitation is marked used with a conditional update, so of several
    /// simultaneous acceptances exactly one wins, and the officer is added in the same transaction.
    /// </summary>
    public async Task<LifecycleResult> AcceptInvitationAsync(int invitationId, int graduationYear, Actor by, CancellationToken cancellationToken)
    {
        if (GraduationYearRefusal(graduationYear) is { } wrongYear)
        {
            return LifecycleResult.Invalid("Input.GraduationYear", wrongYear);
        }

        var invitation = await db.OfficerInvitations.AsNoTracking().Include(i => i.Rig).ThenInclude(r => r!.School).SingleAsync(i => i.Id == invitationId, cancellationToken);
        var userId = by.UserId!;
        var now = Now;
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var claimed = await db.OfficerInvitations.Where(i => i.Id == invitationId && i.AcceptedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedByUserId, userId), cancellationToken);
        if (claimed == 0)
        {
            return LifecycleResult.Refused("This invitation has already been used. Each invitation works once; ask the RIG's leaders for a new one if you need it.");
        }

        if (!await db.RigOfficers.AnyAsync(o => o.RigId == invitation.RigId && o.UserId == userId && o.EndedAt == null, cancellationToken))
        {
            db.RigOfficers.Add(new RigOfficer { RigId = invitation.RigId, UserId = userId, Position = invitation.Position, GraduationYear = graduationYear, StartedAt = now });
        }

        audit.Record(nameof(OfficerInvitation), invitation.Id.ToString(CultureInfo.InvariantCulture), invitation.RigId, AuditAction.InvitationAccepted,
            AuditChanges.Of("Officer", null, $"{invitation.Email} as {invitation.Position}"));
        return await SaveAsync(invitation.Rig!, $"You are now {invitation.Position} of {invitation.Rig!.Name}.", cancellationToken, transaction);
    }

    /// <summary>A faculty sponsor confirms from the emailed link (no account needed); a second confirmation changes nothing.</summary>
    public async Task<LifecycleResult> ConfirmSponsorAsync(FacultySponsor sponsor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sponsor);
        if (sponsor.ConfirmedAt is not null)
        {
            return LifecycleResult.Ok();
        }

        sponsor.ConfirmedAt = Now;
        audit.Record(nameof(FacultySponsor), sponsor.Id.ToString(CultureInfo.InvariantCulture), sponsor.RigId, AuditAction.SponsorConfirmed,
            AuditChanges.Of("Sponsor confirmed", null, sponsor.Email), by: Actor.Named(sponsor.Name));
        // A confirmed sponsor appears on the public profile.
        return await SaveAsync(sponsor.Rig!, null, cancellationToken);
    }

    public string? GraduationYearRefusal(int year) => GraduationYears.Refusal(year, Now);

    private RigOfficer AddOfficer(Rig rig, string userId, string position, int graduationYear)
    {
        var officer = new RigOfficer { UserId = userId, Position = position, GraduationYear = graduationYear, StartedAt = Now };
        rig.Officers.Add(officer);
        return officer;
    }

    /// <summary>Saves (in <paramref name="transaction"/>, if any); the profile changes only if the public sees this RIG.</summary>
    private Task<LifecycleResult> SaveAsync(Rig rig, string? message, CancellationToken cancellationToken, WriteTransaction? transaction = null)
    {
        var shown = RigVisibility.Shows(rig);
        return save.CommitAsync(LifecycleResult.Ok(message, rig.Id, shown), cancellationToken, shown ? new RigChanged(rig.Id, RigChange.Profile) : null, transaction);
    }
}
