using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Registration;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Mentoring.RigMentors;

/// <summary>A RIG's leaders list the mentors who work with their RIG ("residents who help us"); its profile shows them.</summary>
[Route("my/rigs/{id:int}/mentors")]
public sealed class RigMentorsController(AppDbContext db, LedRigs led, MentorLifecycle mentors) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int id, CancellationToken cancellationToken) => await PageAsync(id, "", cancellationToken);

    [HttpPost("")]
    public async Task<IActionResult> Link(int id, [FromForm, EmailAddress, StringLength(EmailAddressRules.MaxLength)] string? mentorEmail, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid ? await mentors.LinkAsync(id, mentorEmail, this.Actor(), cancellationToken) : LifecycleResult.Invalid("MentorEmail", "Enter the email of the mentor's RigDirectory account.");
        if (result.Succeeded)
        {
            return this.Done(result, RedirectToAction(nameof(Index), new { id }));
        }

        return this.Failure(result) ?? await PageAsync(id, mentorEmail ?? "", cancellationToken);
    }

    [HttpPost("{mentorId:int}/remove")]
    public async Task<IActionResult> Unlink(int id, int mentorId, CancellationToken cancellationToken)
    {
        var result = await mentors.UnlinkAsync(id, mentorId, this.Actor(), cancellationToken);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData.SetStatus(result.Message);
        var leads = await db.Rigs.LedBy(User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "").AnyAsync(r => r.Id == id, cancellationToken);
        return leads ? RedirectToAction(nameof(Index), new { id }) : RedirectToAction("Index", "Mentoring");
    }

    private async Task<IActionResult> PageAsync(int id, string mentorEmail, CancellationToken cancellationToken)
    {
        var (rig, refusal) = await led.LoadEditableAsync(id, allowApproved: true, this.Actor(), cancellationToken);
        if (refusal is not null)
        {
            return this.Failure(refusal) ?? this.ToMyRigs();
        }

        var linked = await db.RigMentors.AsNoTracking().Where(l => l.RigId == id).OrderBy(l => l.Mentor!.User!.DisplayName)
            .Select(l => new RigMentorRow(l.MentorId, l.Mentor!.User!.DisplayName, l.Mentor.Role, l.Mentor.Institution, l.Mentor.Status))
            .ToListAsync(cancellationToken);
        return View(nameof(Index), new RigMentorsViewModel(id, rig!.Slug, rig.Name, linked, mentorEmail));
    }
}

public sealed record RigMentorRow(int MentorId, string Name, MentorRole Role, string Institution, MentorStatus Status);

public sealed record RigMentorsViewModel(int Id, string Slug, string Name, IReadOnlyList<RigMentorRow> Mentors, string MentorEmail);
