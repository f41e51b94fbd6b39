using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Infrastructure;

namespace RigDirectory.Web.Features.Invitation;

/// <summary>
/// A co-leader accepts an emailed invitation: single use, expiring, only while signed in, and only by the account
/// whose confirmed email the invitation was sent to (holding the link is not enough).
/// </summary>
[Route("invitations/{token}")]
public sealed class InvitationController(AppDbContext db, UserManager<ApplicationUser> users, DirectoryCache directoryCache, TimeProvider clock) : Controller
{
    private const string NotValid = "This invitation link is not valid. Ask the RIG's leaders to invite you again.";

    [HttpGet("")]
    public async Task<IActionResult> Accept(string token, CancellationToken cancellationToken)
    {
        var (invitation, problem) = await FindAsync(token, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        return await WrongAccountAsync(invitation!) ?? View(Model(token, invitation!, new AcceptInput { GraduationYear = clock.GetUtcNow().Year + 2 }));
    }

    [HttpPost("")]
    [ActionName("Accept")]
    public async Task<IActionResult> AcceptPost(string token, [Bind(Prefix = "Input")] AcceptInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (invitation, problem) = await FindAsync(token, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (await WrongAccountAsync(invitation!) is { } wrongAccount)
        {
            return wrongAccount;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (input.GraduationYear < now.Year || input.GraduationYear > now.Year + 8)
        {
            ModelState.AddModelError("Input.GraduationYear", $"Enter a year from {now.Year} to {now.Year + 8}.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(Model(token, invitation!, input));
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (!await ConsumeAsync(invitation!, userId, input.GraduationYear, now, cancellationToken))
        {
            return Unavailable("This invitation has already been used. Each invitation works once; ask the RIG's leaders for a new one if you need it.");
        }

        if (invitation!.Rig!.Status == RigStatus.Approved)
        {
            await directoryCache.EvictAsync(cancellationToken);
        }

        TempData["StatusMessage"] = $"You are now {invitation.Position} of {invitation.Rig.Name}.";
        return Redirect("/my/rigs");
    }

    /// <summary>
    /// Marks the invitation used with a conditional update, so that of several simultaneous acceptances exactly one
    /// wins, and adds the officer in the same transaction.
    /// </summary>
    private async Task<bool> ConsumeAsync(OfficerInvitation invitation, string userId, int graduationYear, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.OfficerInvitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedByUserId, userId), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        if (!await db.RigOfficers.AnyAsync(o => o.RigId == invitation.RigId && o.UserId == userId && o.EndedAt == null, cancellationToken))
        {
            db.RigOfficers.Add(new RigOfficer { RigId = invitation.RigId, UserId = userId, Position = invitation.Position, GraduationYear = graduationYear, StartedAt = now });
        }

        db.AuditEntries.Add(new AuditEntry
        {
            EntityType = nameof(OfficerInvitation),
            EntityId = invitation.Id.ToString(CultureInfo.InvariantCulture),
            RigId = invitation.RigId,
            Action = "InvitationAccepted",
            UserId = userId,
            UserDisplayName = User.Identity?.Name,
            OccurredAt = now,
            Note = $"{invitation.Email} as {invitation.Position}",
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>A page naming whom the invitation is for, when the signed-in account is someone else (or unconfirmed).</summary>
    private async Task<IActionResult?> WrongAccountAsync(OfficerInvitation invitation)
    {
        var user = await users.GetUserAsync(User);
        if (user is not null && user.EmailConfirmed && string.Equals(user.Email, invitation.Email, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("WrongAccount", new WrongAccountViewModel(invitation.Rig!.Name, EmailMask.Mask(invitation.Email), user?.Email));
    }

    private async Task<(OfficerInvitation? Invitation, IActionResult? Problem)> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (!Tokens.LooksValid(token))
        {
            return (null, Unavailable(NotValid));
        }

        var hash = Tokens.Hash(token);
        var invitation = await db.OfficerInvitations.AsNoTracking().Include(i => i.Rig).ThenInclude(r => r!.School).SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null)
        {
            return (null, Unavailable(NotValid));
        }

        if (invitation.AcceptedAt is not null)
        {
            return (null, Unavailable("This invitation has already been used. Each invitation works once; ask the RIG's leaders for a new one if you need it."));
        }

        return invitation.ExpiresAt < clock.GetUtcNow().UtcDateTime
            ? (null, Unavailable("This invitation has expired. Ask the RIG's leaders to invite you again."))
            : (invitation, null);
    }

    private ViewResult Unavailable(string problem) => View("Unavailable", problem);

    private static InvitationViewModel Model(string token, OfficerInvitation invitation, AcceptInput input) =>
        new(token, invitation.Rig!.Name, invitation.Rig.School!.DisplayName, invitation.Position, input);
}

public sealed class AcceptInput
{
    [Range(2000, 2100, ErrorMessage = "Enter the year you expect to graduate.")]
    [Display(Name = "Expected graduation year")]
    public int GraduationYear { get; set; }
}

public sealed record InvitationViewModel(string Token, string RigName, string School, string Position, AcceptInput Input);

public sealed record WrongAccountViewModel(string RigName, string InvitedEmail, string? SignedInEmail);
