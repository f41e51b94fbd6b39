using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Registration;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Directory;

/// <summary>
/// A student's "I'm interested" in a published RIG, and its withdrawal. Nothing public changes, so nothing is
/// evicted; the audit entry says who and when, never what they shared (withdrawing must leave none of it behind).
/// </summary>
public sealed class RigInterests(AppDbContext db, AuditLog audit, SaveStep save, TimeProvider clock)
{
    public const string Prefix = "Interest";

    /// <summary>
    /// The school a student's interest form starts from: the one they gave with their latest interest in any RIG (a
    /// student interested in a RIG elsewhere is not at that RIG's school), else empty for them to fill in. Used inside
    /// a page's one statement.
    /// </summary>
    public static IQueryable<string> OwnSchool(AppDbContext db, string userId) =>
        (db ?? throw new ArgumentNullException(nameof(db))).RigInterests.Where(i => i.UserId == userId).OrderByDescending(i => i.CreatedAt).Select(i => i.School);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Records (or updates) the signed-in student's interest in the RIG, with what they chose to share.</summary>
    public async Task<LifecycleResult> ShowAsync(string slug, InterestInput input, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var userId = by.UserId;
        if (userId is null)
        {
            return LifecycleResult.Forbidden;
        }

        var rig = await db.Rigs.Where(RigVisibility.IsPublic).Where(r => r.Slug == slug)
            .Select(r => new { r.Id, r.Name, Leads = db.Rigs.LedBy(userId).Any(l => l.Id == r.Id) })
            .SingleOrDefaultAsync(cancellationToken);
        if (rig is null)
        {
            return LifecycleResult.NotFound;
        }

        if (rig.Leads)
        {
            return LifecycleResult.Refused($"You lead {rig.Name}: the students interested in it are on its list of interested students.");
        }

        if (GraduationYears.Refusal(input.GraduationYear ?? 0, Now) is { } wrongYear)
        {
            return LifecycleResult.Invalid($"{Prefix}.{nameof(InterestInput.GraduationYear)}", wrongYear);
        }

        var interest = await InterestAsync(rig.Id, userId, cancellationToken);
        interest.School = input.School.Trim();
        interest.GraduationYear = input.GraduationYear!.Value;
        interest.SharedEmail = input.Email.Trim();
        interest.UpdatedAt = Now;
        audit.Rig(rig.Id, AuditAction.InterestShown);
        var done = LifecycleResult.Ok($"{rig.Name}'s leaders can now see that you are interested, and write to {interest.SharedEmail}.", rig.Id);
        // A double click: the same student's other request recorded the interest a moment ago.
        var isNew = interest.Id == 0;
        return await save.CommitAsync(done, cancellationToken, new InterestChanged(userId), lostRace: _ => isNew ? done : null);
    }

    /// <summary>The student's interest in the RIG, a new one (added) when they have none.</summary>
    private async Task<RigInterest> InterestAsync(int rigId, string userId, CancellationToken cancellationToken) =>
        await db.RigInterests.SingleOrDefaultAsync(i => i.RigId == rigId && i.UserId == userId, cancellationToken)
        ?? db.RigInterests.Add(new RigInterest { RigId = rigId, UserId = userId, School = "", SharedEmail = "", CreatedAt = Now }).Entity;

    /// <summary>Deletes the signed-in student's interest in the RIG: the leaders no longer see them or what they shared.</summary>
    public async Task<LifecycleResult> WithdrawAsync(string slug, Actor by, CancellationToken cancellationToken)
    {
        var userId = by.UserId;
        var interest = userId is null ? null : await db.RigInterests.Include(i => i.Rig).SingleOrDefaultAsync(i => i.Rig!.Slug == slug && i.UserId == userId, cancellationToken);
        if (interest is null)
        {
            return LifecycleResult.Ok("You were not on this RIG's list of interested students.");
        }

        db.RigInterests.Remove(interest);
        audit.Rig(interest.RigId, AuditAction.InterestWithdrawn);
        return await save.CommitAsync(LifecycleResult.Ok($"You are no longer on {interest.Rig!.Name}'s list of interested students; what you shared is deleted.", interest.RigId), cancellationToken, new InterestChanged(userId!));
    }
}

/// <summary>What a student shares with a RIG's leaders when saying "I'm interested".</summary>
public sealed class InterestInput
{
    [Required(ErrorMessage = "Enter your school, so the leaders know where you study.")]
    [StringLength(Limits.Name, MinimumLength = 2, ErrorMessage = "Enter your school (2 to 200 characters).")]
    [Display(Name = "Your school")]
    public string School { get; set; } = "";

    [Required(ErrorMessage = "Enter the year you expect to graduate.")]
    [Range(2000, 2100, ErrorMessage = "Enter the year you expect to graduate, such as 2028.")]
    [Display(Name = "Expected graduation year")]
    public int? GraduationYear { get; set; }

    [Required(ErrorMessage = "Enter the email the leaders may write to.")]
    [ValidEmail, StringLength(EmailAddressRules.MaxLength)]
    [Display(Name = "Email to share with the leaders")]
    public string Email { get; set; } = "";
}
