using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Notifications;

namespace RigDirectory.Web.Features.FundingAndAwards;

/// <summary>
/// Awards from definition to winners: admins define an award, leaders and admins nominate approved RIGs (each once
/// per award, until its first winner is chosen), admins choose winners. A winner's badge is on its profile and its
/// row of the list at once: choosing evicts the RIG's cached pages and refreshes its row.
/// </summary>
public sealed class Recognition(AppDbContext db, AuditLog audit, EmailNotifications emails, SaveStep save, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<LifecycleResult> CreateAwardAsync(AwardInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var title = Award.TitleOf(input.Name, input.Year);
        if (await db.Awards.AnyAsync(a => a.Title == title, cancellationToken))
        {
            return LifecycleResult.Invalid("Input." + nameof(AwardInput.Name), $"There is already an award called {title}.");
        }

        // The slug is picked in the write transaction that adds the award, so two awards defined at once differ.
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var award = new Award
        {
            Slug = await Slugs.UniqueAsync(db.Awards.Select(a => a.Slug), SlugRules.From(title), cancellationToken),
            Name = input.Name.Trim(),
            Year = input.Year,
            Criteria = input.Criteria.Trim(),
            Title = title,
            CreatedAt = Now,
        };
        return await save.AddAsync(award,
            added => audit.Record(nameof(Award), added.Id.ToString(CultureInfo.InvariantCulture), null, AuditAction.AwardCreated, AuditChanges.Of(nameof(Award.Title), null, title).With(nameof(Award.Criteria), null, added.Criteria)),
            _ => LifecycleResult.Ok($"{title} is open for nominations."), cancellationToken, transaction: transaction);
    }

    /// <summary>A leader or admin nominates an approved RIG, with why; a RIG is nominated once per award.</summary>
    public async Task<LifecycleResult> NominateAsync(NominationInput input, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var award = await db.Awards.AsNoTracking().Where(a => a.Slug == input.Award)
            .Select(a => new { a.Id, a.Title, Decided = a.Nominations.Any(n => n.SelectedAt != null) })
            .SingleOrDefaultAsync(cancellationToken);
        if (award is null)
        {
            return LifecycleResult.Invalid("Input." + nameof(NominationInput.Award), "Choose an award from the list.");
        }

        if (award.Decided)
        {
            return LifecycleResult.Refused($"The winners of {award.Title} are chosen: nominations are closed.");
        }

        var rig = await db.Rigs.AsNoTracking().Where(r => r.Slug == input.Rig && r.Status == RigStatus.Approved)
            .Select(r => new { r.Id, r.Name, Nominated = r.Nominations.Any(n => n.AwardId == award.Id) })
            .SingleOrDefaultAsync(cancellationToken);
        if (rig is null)
        {
            return LifecycleResult.NotFound;
        }

        if (rig.Nominated)
        {
            return LifecycleResult.Refused($"{rig.Name} is already nominated for {award.Title}.");
        }

        var actor = by;
        var nomination = new Nomination { AwardId = award.Id, RigId = rig.Id, Statement = input.Statement.Trim(), NominatedByUserId = actor.UserId, NominatedBy = actor.DisplayName, NominatedAt = Now };
        db.Nominations.Add(nomination);
        audit.Record(nameof(Nomination), award.Id.ToString(CultureInfo.InvariantCulture), rig.Id, AuditAction.Nominated, AuditChanges.Of("Award", null, award.Title));
        // A co-leader nominated it at the same moment: one nomination per RIG and award.
        return await save.CommitAsync(LifecycleResult.Ok($"{rig.Name} is nominated for {award.Title}. Thank you: ACR's judges will read your statement beside the RIG's record."),
            cancellationToken, lostRace: _ => LifecycleResult.Refused($"{rig.Name} is already nominated for {award.Title}."));
    }

    /// <summary>Chooses a nominated RIG as a winner (<paramref name="selected"/>), or takes the choice back.</summary>
    public async Task<LifecycleResult> SelectAsync(int nominationId, bool selected, CancellationToken cancellationToken)
    {
        var nomination = await db.Nominations.Include(n => n.Award)
            .Include(n => n.Rig).ThenInclude(r => r!.Officers).ThenInclude(o => o.User)
            .SingleOrDefaultAsync(n => n.Id == nominationId, cancellationToken);
        if (nomination is null)
        {
            return LifecycleResult.NotFound;
        }

        var state = nomination.SelectedAt is null ? NominationState.Nominated : NominationState.Winner;
        if (Lifecycles.Nomination.To(state, selected ? NominationCommand.Select : NominationCommand.Unselect) is not { } now)
        {
            // Chosen (or unchosen) already: the same click twice changes nothing.
            return LifecycleResult.Ok(selected ? "Already a winner." : "Not a winner.");
        }

        var (award, rig) = (nomination.Award!, nomination.Rig!);
        nomination.SelectedAt = now == NominationState.Winner ? Now : null;

        // The award's version moves with each choice, so two admins' choices are made one after the other.
        award.Version++;
        audit.Record(nameof(Nomination), award.Id.ToString(CultureInfo.InvariantCulture), rig.Id,
            selected ? AuditAction.AwardWinnerSelected : AuditAction.AwardWinnerWithdrawn, AuditChanges.Of("Winner", selected ? null : award.Title, selected ? award.Title : null));
        if (selected)
        {
            emails.AwardWon(rig, rig.CurrentOfficerEmails(), award);
        }

        return await save.CommitAsync(LifecycleResult.Ok(selected ? $"{rig.Name} wins {award.Title}: the badge is on its profile and in the list, and its leaders are emailed." : $"{rig.Name} is no longer a winner of {award.Title}."),
            cancellationToken, new RigChanged(rig.Id, RigChange.Listing));
    }
}

public sealed class AwardInput
{
    [Required(ErrorMessage = "Name the award.")]
    [StringLength(Limits.Name, MinimumLength = 3, ErrorMessage = "Name the award (3 to 200 characters).")]
    public string Name { get; set; } = "";

    [Range(2000, 2100, ErrorMessage = "Enter the year it is for, like 2027.")]
    public int Year { get; set; }

    [Required(ErrorMessage = "Say what the judges look for.")]
    [StringLength(Award.CriteriaLength, MinimumLength = 10, ErrorMessage = "Say what the judges look for (10 to 2,000 characters).")]
    public string Criteria { get; set; } = "";
}

public sealed class NominationInput
{
    /// <summary>The award's slug.</summary>
    [Required(ErrorMessage = "Choose an award.")]
    [StringLength(Limits.Slug)]
    public string Award { get; set; } = "";

    /// <summary>The nominated RIG's slug.</summary>
    [Required]
    [StringLength(Limits.Slug)]
    public string Rig { get; set; } = "";

    [Required(ErrorMessage = "Say why this RIG deserves it.")]
    [StringLength(Domain.Award.StatementLength, MinimumLength = 30, ErrorMessage = "Say why this RIG deserves it (30 to 2,000 characters).")]
    [Display(Name = "Why this RIG")]
    public string Statement { get; set; } = "";
}
