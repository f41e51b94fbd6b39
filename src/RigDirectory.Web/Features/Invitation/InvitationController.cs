using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;

namespace RigDirectory.Web.Features.Invitation;

/// <summary>A co-leader accepts an emailed invitation: single use, expiring, and only while signed in.</summary>
[Route("invitations/{token}")]
public sealed class InvitationController(AppDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Accept(string token, CancellationToken cancellationToken)
    {
        var (invitation, problem) = await FindAsync(token, cancellationToken);
        return problem is not null
            ? View("Unavailable", problem)
            : View(new InvitationViewModel(token, invitation!.Rig!.Name, invitation.Rig.School!.DisplayName, invitation.Position, new AcceptInput { GraduationYear = clock.GetUtcNow().Year + 2 }));
    }

    [HttpPost("")]
    [ActionName("Accept")]
    public async Task<IActionResult> AcceptPost(string token, [Bind(Prefix = "Input")] AcceptInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (invitation, problem) = await FindAsync(token, cancellationToken);
        if (problem is not null)
        {
            return View("Unavailable", problem);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (input.GraduationYear < now.Year || input.GraduationYear > now.Year + 8)
        {
            ModelState.AddModelError("Input.GraduationYear", $"Enter a year from {now.Year} to {now.Year + 8}.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new InvitationViewModel(token, invitation!.Rig!.Name, invitation.Rig.School!.DisplayName, invitation.Position, input));
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var rig = invitation!.Rig!;
        if (!await db.RigOfficers.AnyAsync(o => o.RigId == rig.Id && o.UserId == userId && o.EndedAt == null, cancellationToken))
        {
            db.RigOfficers.Add(new RigOfficer { RigId = rig.Id, UserId = userId, Position = invitation.Position, GraduationYear = input.GraduationYear, StartedAt = now });
        }

        invitation.AcceptedAt = now;
        invitation.AcceptedByUserId = userId;
        db.AuditEntries.Add(new AuditEntry
        {
            EntityType = nameof(OfficerInvitation),
            EntityId = invitation.Id.ToString(CultureInfo.InvariantCulture),
            RigId = rig.Id,
            Action = "InvitationAccepted",
            UserId = userId,
            UserDisplayName = User.Identity?.Name,
            OccurredAt = now,
            Note = $"{invitation.Email} as {invitation.Position}",
        });
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = $"You are now {invitation.Position} of {rig.Name}.";
        return Redirect("/my/rigs");
    }

    private async Task<(OfficerInvitation? Invitation, string? Problem)> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (!Tokens.LooksValid(token))
        {
            return (null, "This invitation link is not valid. Ask the RIG's leaders to invite you again.");
        }

        var hash = Tokens.Hash(token);
        var invitation = await db.OfficerInvitations.Include(i => i.Rig).ThenInclude(r => r!.School).SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null)
        {
            return (null, "This invitation link is not valid. Ask the RIG's leaders to invite you again.");
        }

        if (invitation.AcceptedAt is not null)
        {
            return (null, "This invitation has already been used. Each invitation works once; ask the RIG's leaders for a new one if you need it.");
        }

        if (invitation.ExpiresAt < clock.GetUtcNow().UtcDateTime)
        {
            return (null, "This invitation has expired. Ask the RIG's leaders to invite you again.");
        }

        return (invitation, null);
    }
}

public sealed class AcceptInput
{
    [Range(2000, 2100, ErrorMessage = "Enter the year you expect to graduate.")]
    [Display(Name = "Expected graduation year")]
    public int GraduationYear { get; set; }
}

public sealed record InvitationViewModel(string Token, string RigName, string School, string Position, AcceptInput Input);
