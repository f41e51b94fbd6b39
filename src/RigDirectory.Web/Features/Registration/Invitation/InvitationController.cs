using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Registration.Invitation;

/// <summary>
/// A co-leader accepts an emailed invitation: single use, expiring, only while signed in, and only by the account
/// whose confirmed email the invitation was sent to (holding the link is not enough).
/// </summary>
[Route("invitations/{token}")]
public sealed class InvitationController(AppDbContext db, UserManager<ApplicationUser> users, RigPeople people, TimeProvider clock) : Controller
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

        var result = ModelState.IsValid && input.GraduationYear is { } year ? await people.AcceptInvitationAsync(invitation!.Id, year, this.Actor(), cancellationToken) : LifecycleResult.Invalid([]);
        return result.Outcome switch
        {
            Outcome.Ok => this.Done(result, this.ToMyRigs()),
            Outcome.Invalid => this.Failure(result) ?? View(Model(token, invitation!, input)),
            _ => Unavailable(result.Message ?? NotValid),
        };
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

public sealed record InvitationViewModel(string Token, string RigName, string School, string Position, AcceptInput Input);

public sealed record WrongAccountViewModel(string RigName, string InvitedEmail, string? SignedInEmail);
