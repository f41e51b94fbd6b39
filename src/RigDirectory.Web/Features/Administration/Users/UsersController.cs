using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RigDirectory.Web.Data;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Administration.Users;

/// <summary>
/// The users console: find an account, see its roles and RIGs, grant or revoke a role, lock or unlock it, send its
/// confirmation email again. Every change is audited; the last admin is kept.
/// </summary>
[Authorize(Policy = Policies.Administer)]
[Route("admin/users")]
public sealed class UsersController(UserQueries queries, UserAdministration administration, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "q"), StringLength(Limits.Email)] string? query, [FromQuery, StringLength(20)] string? role, [FromQuery, Range(1, 10_000)] int page = 1, CancellationToken cancellationToken = default)
    {
        if (!ModelState.IsValid || (role is not null && !Roles.All.Contains(role)))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            (query, role, page) = (null, null, 1);
        }

        var (users, hasMore) = await queries.SearchAsync(query, role, page, cancellationToken);
        return View(new UserListViewModel(query, role, users, page, hasMore, clock.GetUtcNow()));
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Show([StringLength(450)] string id, CancellationToken cancellationToken)
    {
        var (user, rigs, history) = await queries.FindAsync(id, cancellationToken);
        return user is null ? NotFound() : View(new UserPageViewModel(user, rigs, history, clock.GetUtcNow()));
    }

    [HttpPost("{id}/roles")]
    public async Task<IActionResult> Grant([StringLength(450)] string id, [FromForm, Required, StringLength(20)] string role, CancellationToken cancellationToken) =>
        Translate(id, await administration.GrantAsync(id, role, cancellationToken));

    [HttpPost("{id}/roles/{role}/revoke")]
    public async Task<IActionResult> Revoke([StringLength(450)] string id, [StringLength(20)] string role, CancellationToken cancellationToken) =>
        Translate(id, await administration.RevokeAsync(id, role, cancellationToken));

    [HttpPost("{id}/lock")]
    public async Task<IActionResult> Lock([StringLength(450)] string id, CancellationToken cancellationToken) =>
        Translate(id, await administration.LockAsync(id, this.Actor(), cancellationToken));

    [HttpPost("{id}/unlock")]
    public async Task<IActionResult> Unlock([StringLength(450)] string id, CancellationToken cancellationToken) =>
        Translate(id, await administration.UnlockAsync(id, cancellationToken));

    [HttpPost("{id}/resend-confirmation")]
    public async Task<IActionResult> ResendConfirmation([StringLength(450)] string id, CancellationToken cancellationToken) =>
        Translate(id, await administration.ResendConfirmationAsync(id, cancellationToken));

    /// <summary>Success and refusals alike go back to the account's page with the message; a bad role is a 400.</summary>
    /// <summary>A role the form never offers is a malformed request (400); the rest goes back to the account's page.</summary>
    private IActionResult Translate(string id, LifecycleResult result) =>
        result.Outcome == Outcome.Invalid ? BadRequest() : this.Back(result, RedirectToAction(nameof(Show), new { id }));
}
