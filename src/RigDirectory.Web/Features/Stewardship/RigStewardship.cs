using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Notifications;

namespace RigDirectory.Web.Features.Stewardship;

/// <summary>
/// The owner of the directory's upkeep (<see cref="Stewardship"/>): officers' terms ending on 1 July, the yearly
/// verification reminders with their one-click link, and the March succession reminder. Each RIG is saved on its
/// own with its version checked, so a second instance doing the same round at once, or a restart halfway, never
/// sends an email twice: the counter or year that says "sent" commits with the email in the outbox.
/// </summary>
public sealed class RigStewardship(AppDbContext db, AuditLog audit, EmailNotifications emails, SaveStep save, TimeProvider clock)
{
    /// <summary>RIGs handled per kind of work in one round; the next round takes the rest.</summary>
    public const int Batch = 200;

    private static readonly Actor ByEmailedLink = Actor.Named("A leader, by the emailed link");

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>One round of every kind of upkeep; returns how many RIGs it changed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken) =>
        await EndTermsAsync(cancellationToken) + await RemindToVerifyAsync(cancellationToken) + await RemindSuccessionAsync(cancellationToken);

    /// <summary>Ends the terms of officers whose class has graduated; a RIG left with none is unclaimed, and its sponsors are told.</summary>
    public async Task<int> EndTermsAsync(CancellationToken cancellationToken)
    {
        var lastEnded = Domain.Stewardship.LastEndedClass(Now);
        var due = await db.RigOfficers.AsNoTracking().Where(o => o.EndedAt == null && o.GraduationYear <= lastEnded)
            .Select(o => o.RigId).Distinct().OrderBy(id => id).Take(Batch).ToListAsync(cancellationToken);
        return await EachAsync(due, rig =>
        {
            var ending = rig.Officers.Where(o => o.EndedAt == null && o.GraduationYear <= lastEnded).ToList();
            if (ending.Count == 0)
            {
                return null;
            }

            var changes = new AuditChanges();
            foreach (var officer in ending)
            {
                officer.EndedAt = Domain.Stewardship.TermEnds(officer.GraduationYear);
                changes.With($"Officer {officer.User?.DisplayName}", $"{officer.Position}, class of {officer.GraduationYear.ToString(CultureInfo.InvariantCulture)}", null);
            }

            audit.Rig(rig.Id, AuditAction.OfficerTermEnded, changes, "Graduated: terms end on 1 July of the graduation year.", Actor.System);
            if (RegistrationWorkflow.IsApproved(rig.Status) && !rig.Officers.Any(o => o.EndedAt == null))
            {
                emails.RigUnclaimed(rig, rig.Sponsors.Where(s => s.ConfirmedAt != null).Select(s => s.Email));
            }

            return RigChange.Profile;
        }, cancellationToken);
    }

    /// <summary>Emails the leaders of RIGs last known good 11 months ago (and again at 12) a one-click "still active" link.</summary>
    public async Task<int> RemindToVerifyAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        DateTime first = now.AddMonths(-Domain.Stewardship.FirstReminderMonths), last = now.AddMonths(-Domain.Stewardship.LastReminderMonths);
        var due = await db.Rigs.AsNoTracking()
            .Where(RegistrationWorkflow.Approved).Where(r => r.Officers.Any(o => o.EndedAt == null))
            .Where(r => (r.VerificationRemindersSent == 0 && (r.LastVerifiedAt ?? r.ApprovedAt) <= first) || (r.VerificationRemindersSent == 1 && (r.LastVerifiedAt ?? r.ApprovedAt) <= last))
            .OrderBy(r => r.LastVerifiedAt ?? r.ApprovedAt).Select(r => r.Id).Take(Batch).ToListAsync(cancellationToken);
        return await EachAsync(due, rig =>
        {
            var since = RigFreshness.Since(rig.LastVerifiedAt, rig.ApprovedAt);
            var reminder = since is { } known ? Domain.Stewardship.VerificationReminderDue(known, rig.VerificationRemindersSent, now) : 0;
            if (reminder == 0 || !RegistrationWorkflow.IsApproved(rig.Status))
            {
                return null;
            }

            var token = Tokens.New();
            rig.VerificationLinks.Add(new RigVerificationLink { TokenHash = Tokens.Hash(token), CreatedAt = now, ExpiresAt = now.AddDays(Domain.Stewardship.VerificationLinkDays) });
            rig.VerificationRemindersSent = reminder;
            var months = reminder == 2 ? Domain.Stewardship.LastReminderMonths : Domain.Stewardship.FirstReminderMonths;
            audit.Rig(rig.Id, AuditAction.VerificationReminded, AuditChanges.Of("Verification reminders", (reminder - 1).ToString(CultureInfo.InvariantCulture), reminder.ToString(CultureInfo.InvariantCulture)),
                $"{months}-month reminder emailed to the leaders.", Actor.System);
            emails.VerificationReminder(rig, rig.CurrentOfficerEmails(), token, last: reminder == 2, since!.Value.AddMonths(RigFreshness.StaleAfterMonths));
            return null;
        }, cancellationToken);
    }

    /// <summary>From March, once a year: leaders who all graduate this year are asked to invite next year's.</summary>
    public async Task<int> RemindSuccessionAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        if (!Domain.Stewardship.IsSuccessionSeason(now))
        {
            return 0;
        }

        var year = now.Year;
        var due = await db.Rigs.AsNoTracking()
            .Where(RegistrationWorkflow.Approved).Where(r => (r.SuccessionRemindedYear == null || r.SuccessionRemindedYear != year))
            .Where(r => r.Officers.Any(o => o.EndedAt == null) && r.Officers.All(o => o.EndedAt != null || o.GraduationYear <= year))
            .OrderBy(r => r.Id).Select(r => r.Id).Take(Batch).ToListAsync(cancellationToken);
        return await EachAsync(due, rig =>
        {
            var current = rig.Officers.Where(o => o.EndedAt == null).ToList();
            if (rig.SuccessionRemindedYear == year || current.Count == 0 || current.Any(o => o.GraduationYear > year))
            {
                return null;
            }

            audit.Rig(rig.Id, AuditAction.SuccessionReminded, AuditChanges.Of("Succession reminded", rig.SuccessionRemindedYear?.ToString(CultureInfo.InvariantCulture), year.ToString(CultureInfo.InvariantCulture)),
                "Every officer graduates this year: asked to invite next year's leaders.", Actor.System);
            rig.SuccessionRemindedYear = year;
            emails.SuccessionReminder(rig, rig.CurrentOfficerEmails(), year);
            return null;
        }, cancellationToken);
    }

    /// <summary>What a one-click link is for, or why it no longer works; null when no link has this token.</summary>
    public async Task<VerificationLinkState?> FindLinkAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Tokens.LooksValid(token) ? Tokens.Hash(token) : null;
        return hash is null ? null : await db.RigVerificationLinks.AsNoTracking().Where(l => l.TokenHash == hash)
            .Select(l => new VerificationLinkState(l.Rig!.Name, l.Rig.Slug, l.Rig.School!.Name, l.Rig.Status, l.Rig.LastVerifiedAt, l.CreatedAt, l.ExpiresAt, l.UsedAt))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The one click: the RIG is verified by its leaders today, and the link is spent.</summary>
    public async Task<LifecycleResult> VerifyByLinkAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Tokens.LooksValid(token) ? Tokens.Hash(token) : null;
        var link = hash is null ? null : await db.RigVerificationLinks.Include(l => l.Rig).SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (link is null)
        {
            return LifecycleResult.NotFound;
        }

        var state = new VerificationLinkState(link.Rig!.Name, link.Rig.Slug, "", link.Rig.Status, link.Rig.LastVerifiedAt, link.CreatedAt, link.ExpiresAt, link.UsedAt);
        if (state.Refusal(Now) is { } refusal)
        {
            return LifecycleResult.Refused(refusal);
        }

        var rig = link.Rig;
        link.UsedAt = Now;
        audit.Rig(rig.Id, AuditAction.Verified, AuditChanges.Of(nameof(Rig.LastVerifiedAt), rig.LastVerifiedAt?.ToString("O"), Now.ToString("O")), "Confirmed with the link in the reminder email.", ByEmailedLink);
        rig.LastVerifiedAt = Now;
        rig.VerificationRemindersSent = 0;
        var saved = await save.CommitAsync(LifecycleResult.Ok($"Thank you: {rig.Name} now shows as verified by its leaders today.", rig.Id), cancellationToken, new RigChanged(rig.Id, RigChange.Listing));
        // Two clicks at once: the other one verified it.
        return saved.Outcome == Outcome.Conflict ? LifecycleResult.Refused("This link was already used: the RIG is verified.") : saved;
    }

    /// <summary>Loads each RIG, applies <paramref name="change"/> and saves it alone; a RIG another instance saved meanwhile is skipped.</summary>
    private async Task<int> EachAsync(IEnumerable<int> rigIds, Func<Rig, RigChange?> change, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var id in rigIds)
        {
            var rig = await db.Rigs.Include(r => r.School).Include(r => r.Sponsors).Include(r => r.Officers).ThenInclude(o => o.User)
                .AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
            var touched = rig is null ? null : change(rig);
            if (rig is not null && db.ChangeTracker.HasChanges())
            {
                // The officers' rows carry no version: bumping the RIG's makes a concurrent round's save of it fail.
                db.Entry(rig).Property(r => r.Version).IsModified = true;
                if ((await save.CommitAsync(LifecycleResult.Ok(), cancellationToken, touched is { } what ? new RigChanged(rig.Id, what) : null)).Succeeded)
                {
                    changed++;
                }
            }

            db.ChangeTracker.Clear();
        }

        return changed;
    }
}

/// <summary>A one-click verification link as its page shows it.</summary>
public sealed record VerificationLinkState(string Rig, string Slug, string School, RigStatus Status, DateTime? LastVerifiedAt, DateTime CreatedAt, DateTime ExpiresAt, DateTime? UsedAt)
{
    /// <summary>Why the link no longer works at <paramref name="now"/>, or null when it does.</summary>
    public string? Refusal(DateTime now) =>
        UsedAt is not null || LastVerifiedAt >= CreatedAt ? "This link was already used, or a leader has confirmed the RIG since it was sent: it shows as verified."
        : ExpiresAt < now ? "This link has expired. A leader can sign in and confirm the RIG from My RIGs."
        : !RegistrationWorkflow.IsApproved(Status) ? "This RIG is no longer in the directory, so there is nothing to confirm."
        : null;
}
