using System.ComponentModel.DataAnnotations;
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
/// The owner of a claim's life: a student asks to lead an unclaimed RIG, its sponsor vouches for them by email, an
/// admin approves (the student becomes an officer and a RIG leader) or declines with a note the student is emailed.
/// </summary>
public sealed class RigClaims(AppDbContext db, AuditLog audit, EmailNotifications emails, SaveStep save, TimeProvider clock)
{
    public const string EntityType = nameof(RigClaim);

    private const string NoteField = "Decision.Note";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<LifecycleResult> ClaimAsync(string slug, ClaimInput input, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var userId = by.UserId!;
        var rig = await db.Rigs.Include(r => r.School).Include(r => r.Sponsors).Include(r => r.Officers).AsSplitQuery()
            .Where(RigVisibility.IsPublic).SingleOrDefaultAsync(r => r.Slug == slug, cancellationToken);
        if (rig is null)
        {
            return LifecycleResult.NotFound;
        }

        if (await WhyNotClaimAsync(rig, userId, input, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var sponsor = rig.Sponsors.Where(s => s.ConfirmedAt != null).OrderBy(s => s.SortOrder).FirstOrDefault(s => s.Id == input.SponsorId);
        if (sponsor is null)
        {
            return LifecycleResult.Invalid("Input.SponsorId", "Choose the faculty sponsor who can confirm you study at the school.");
        }

        var token = Tokens.New();
        var claim = NewClaim(userId, input, sponsor, token);
        rig.Claims.Add(claim);
        audit.Rig(rig.Id, AuditAction.Claimed, AuditChanges.Of("Claim", null, Describe(by.DisplayName, claim)), claim.Message);
        var student = await db.Users.Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Email }).SingleAsync(cancellationToken);
        await emails.ClaimConfirmationAsync(rig, claim, student.DisplayName, student.Email!, token, cancellationToken);
        return await save.CommitAsync(LifecycleResult.Ok($"Your claim is sent. {sponsor.Name} is asked to confirm you by email, then ACR decides; you will get an email either way.", rig.Id), cancellationToken);
    }

    private RigClaim NewClaim(string userId, ClaimInput input, FacultySponsor sponsor, string token) => new()
    {
        UserId = userId,
        Position = input.Position.Trim(),
        GraduationYear = input.GraduationYear!.Value,
        Message = input.Message.Trim(),
        SponsorName = sponsor.Name,
        SponsorEmail = sponsor.Email,
        SponsorTokenHash = Tokens.Hash(token),
        SponsorTokenExpiresAt = Now.AddDays(Domain.Stewardship.ClaimConfirmationDays),
        CreatedAt = Now,
    };

    /// <summary>Refused while the RIG has leaders or the student's claim waits; invalid for a class year already past.</summary>
    private async Task<LifecycleResult?> WhyNotClaimAsync(Rig rig, string userId, ClaimInput input, CancellationToken cancellationToken)
    {
        if (rig.Officers.Any(o => o.EndedAt == null))
        {
            return LifecycleResult.Refused($"{rig.Name} has leaders: write to them from its profile to get involved.");
        }

        if (await db.RigClaims.Where(Domain.Stewardship.ClaimWaiting).AnyAsync(c => c.RigId == rig.Id && c.UserId == userId, cancellationToken))
        {
            return LifecycleResult.Refused("Your claim to lead this RIG is already waiting for review.");
        }

        return GraduationYears.Refusal(input.GraduationYear ?? 0, Now) is { } wrongYear ? LifecycleResult.Invalid("Input.GraduationYear", wrongYear) : null;
    }

    /// <summary>The claim a sponsor's link is for, or why the link no longer works.</summary>
    public async Task<(RigClaim? Claim, string? Refusal)> FindForSponsorAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Tokens.LooksValid(token) ? Tokens.Hash(token) : null;
        var claim = hash is null ? null
            : await db.RigClaims.Include(c => c.Rig).ThenInclude(r => r!.School).Include(c => c.User).SingleOrDefaultAsync(c => c.SponsorTokenHash == hash, cancellationToken);
        return claim switch
        {
            null => (null, "It may have been copied incompletely. Ask ACR if you expected to confirm a student."),
            { SponsorConfirmedAt: not null } => (claim, null),
            { Status: not ClaimStatus.Waiting } => (null, "ACR has already decided this claim; there is nothing left to confirm."),
            _ when claim.SponsorTokenExpiresAt < Now => (null, "This link has expired. ACR reviews the claim without your confirmation; reply to ACR if you have concerns."),
            _ => (claim, null),
        };
    }

    public async Task<LifecycleResult> ConfirmBySponsorAsync(string token, CancellationToken cancellationToken)
    {
        var (claim, refusal) = await FindForSponsorAsync(token, cancellationToken);
        if (claim is null)
        {
            return LifecycleResult.Refused(refusal!);
        }

        if (claim.SponsorConfirmedAt is null)
        {
            claim.SponsorConfirmedAt = Now;
            audit.Record(EntityType, Id(claim), claim.RigId, AuditAction.ClaimConfirmedBySponsor, AuditChanges.Of("Sponsor confirmed", null, claim.SponsorName), by: Actor.Named(claim.SponsorName));
        }

        return await save.CommitAsync(LifecycleResult.Ok(), cancellationToken);
    }

    /// <summary>
    /// An admin's decision. Approving without the sponsor's confirmation needs a note saying how the student was
    /// checked; declining needs a note for the student. The version the admin saw guards against a second decision.
    /// </summary>
    public async Task<LifecycleResult> DecideAsync(int id, ClaimDecisionInput input, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var claim = await db.RigClaims.Include(c => c.User).Include(c => c.Rig).ThenInclude(r => r!.Officers).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (claim is null)
        {
            return LifecycleResult.NotFound;
        }

        var approve = input.Approve == true;
        if (Lifecycles.Claim.To(claim.Status, approve ? ClaimCommand.Approve : ClaimCommand.Decline) is not { } decided || claim.Version != input.Version)
        {
            return LifecycleResult.Conflict;
        }

        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        var rig = claim.Rig!;
        if (WhyNotDecide(claim, approve, note) is { } refusal)
        {
            return refusal;
        }

        var from = claim.Status;
        claim.Status = decided;
        claim.DecidedAt = Now;
        claim.DecidedByUserId = by.UserId;
        claim.DecisionNote = note;
        audit.Record(EntityType, Id(claim), rig.Id, approve ? AuditAction.ClaimApproved : AuditAction.ClaimDeclined,
            AuditChanges.Of("Claim", from.ToString(), claim.Status.ToString()), note);
        if (approve)
        {
            await SeatClaimantAsync(rig, claim, cancellationToken);
        }

        emails.ClaimDecided(claim.User!.Email!, rig, approve, note);
        var done = LifecycleResult.Ok(approve ? $"{claim.User.DisplayName} now leads {rig.Name}." : $"The claim was declined and {claim.User.DisplayName} was told why.");
        return await save.CommitAsync(done, cancellationToken, approve ? new RigChanged(rig.Id, RigChange.Listing) : null);
    }

    /// <summary>
    /// A decline needs a note for the student, and so does an approval the sponsor has not confirmed (how the student
    /// was checked); a RIG no longer in the directory cannot be claimed.
    /// </summary>
    private static LifecycleResult? WhyNotDecide(RigClaim claim, bool approve, string? note) =>
        note is null && (!approve || claim.SponsorConfirmedAt is null)
            ? LifecycleResult.Invalid(NoteField, approve
                ? "The sponsor has not confirmed this student: write how you checked they study at the school."
                : "Write a note: the student sees it and needs to know why.")
        : approve && !RegistrationWorkflow.IsApproved(claim.Rig!.Status)
            ? LifecycleResult.Refused("This RIG is no longer in the directory; decline the claim instead.")
        : null;

    /// <summary>An approved claimant becomes one of the RIG's officers (unless they already are one) and a RIG leader.</summary>
    private async Task SeatClaimantAsync(Rig rig, RigClaim claim, CancellationToken cancellationToken)
    {
        if (!rig.Officers.Any(o => o.UserId == claim.UserId && o.EndedAt == null))
        {
            rig.Officers.Add(new RigOfficer { UserId = claim.UserId, Position = claim.Position, GraduationYear = claim.GraduationYear, StartedAt = Now });
            audit.Rig(rig.Id, AuditAction.OfficerSaved, AuditChanges.Of($"Officer {claim.User!.DisplayName}", null, $"{claim.Position}, class of {claim.GraduationYear.ToString(CultureInfo.InvariantCulture)}"), "From an approved claim.");
            await db.GrantRoleAsync(Roles.RigLeader, [claim.UserId], cancellationToken);
        }
    }

    private static string Describe(string name, RigClaim claim) =>
        $"{name} as {claim.Position}, class of {claim.GraduationYear.ToString(CultureInfo.InvariantCulture)}";

    private static string Id(RigClaim claim) => claim.Id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Exactly what the claim form posts.</summary>
public sealed class ClaimInput
{
    [Required(ErrorMessage = "Enter the position you would hold.")]
    [StringLength(Limits.Position, MinimumLength = 2, ErrorMessage = "Enter the position (2 to 80 characters).")]
    [Display(Name = "Position")]
    public string Position { get; set; } = "President";

    [Required(ErrorMessage = "Enter the year you expect to graduate.")]
    [Display(Name = "Graduation year")]
    public int? GraduationYear { get; set; }

    [Required(ErrorMessage = "Choose the faculty sponsor who can confirm you study at the school.")]
    [Display(Name = "Faculty sponsor to confirm you")]
    public int? SponsorId { get; set; }

    [Required(ErrorMessage = "Tell ACR and the sponsor who you are and what you plan for the RIG.")]
    [StringLength(Limits.ClaimMessage, MinimumLength = 20, ErrorMessage = "Write 20 to 1,000 characters.")]
    [Display(Name = "About you and your plans")]
    public string Message { get; set; } = "";
}

/// <summary>Exactly what an admin's decision on a claim posts.</summary>
public sealed class ClaimDecisionInput
{
    /// <summary>Nothing is chosen for the admin: a decision is a choice, never a default.</summary>
    [Required(ErrorMessage = "Choose approve or decline.")]
    public bool? Approve { get; set; }

    [StringLength(Limits.Note)]
    public string? Note { get; set; }

    public int Version { get; set; }
}
