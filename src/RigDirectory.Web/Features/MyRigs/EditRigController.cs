using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Features.Rigs;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.MyRigs;

/// <summary>
/// Leaders keep an approved RIG current. Routine edits go live at once and are recorded field by field; a new
/// name or school waits for review while the directory keeps showing the approved one.
/// </summary>
[Route("my/rigs/{id:int}")]
public sealed class EditRigController(AppDbContext db, IAuthorizationService authorization, DirectoryCache directoryCache, TimeProvider clock) : Controller
{
    private const string EditView = "~/Features/MyRigs/Edit.cshtml";

    [HttpGet("edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var (rig, refusal) = await LoadAsync(id, cancellationToken);
        return refusal ?? View(EditView, new EditRigViewModel(rig!.Id, rig.Slug, rig.Name, rig.School!.DisplayName, rig.PendingName, rig.PendingSchool?.DisplayName, RigProfileInput.From(rig)));
    }

    [HttpPost("edit")]
    public async Task<IActionResult> Save(int id, [Bind(Prefix = "Input")] RigProfileInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (rig, refusal) = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        School? newSchool = null;
        if (!string.Equals(input.SchoolSlug, rig!.School!.Slug, StringComparison.Ordinal))
        {
            newSchool = await db.Schools.Listed().SingleOrDefaultAsync(s => s.Slug == input.SchoolSlug, cancellationToken);
            if (newSchool is null)
            {
                ModelState.AddModelError("Input.SchoolSlug", "No listed school has that address name; copy it from the school's page (/schools/…).");
            }
        }

        if (input.FoundedYear > now.Year)
        {
            ModelState.AddModelError("Input.FoundedYear", "The founding year cannot be in the future.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(EditView, new EditRigViewModel(rig.Id, rig.Slug, rig.Name, rig.School.DisplayName, rig.PendingName, rig.PendingSchool?.DisplayName, input));
        }

        var routine = input.ApplyTo(rig);
        var messages = new List<string>();
        if (routine.Count > 0)
        {
            rig.UpdatedAt = now;
            Audit(rig, "Edited", routine, now);
            messages.Add("Your changes are live.");
        }

        var proposedName = input.Name.Trim() == rig.Name ? null : input.Name.Trim();
        var proposedSchool = newSchool?.Id;
        if (proposedName != rig.PendingName || proposedSchool != rig.PendingSchoolId)
        {
            var change = new Dictionary<string, object?[]>();
            if (proposedName is not null)
            {
                change["Name"] = [rig.Name, proposedName];
            }

            if (newSchool is not null)
            {
                change["School"] = [rig.School.DisplayName, newSchool.DisplayName];
            }

            rig.PendingName = proposedName;
            rig.PendingSchoolId = proposedSchool;
            rig.ChangeRequestedAt = proposedName is null && proposedSchool is null ? null : now;
            Audit(rig, rig.ChangeRequestedAt is null ? "ChangeWithdrawn" : "ChangeRequested", change, now);
            if (rig.ChangeRequestedAt is not null)
            {
                messages.Add("The new name or school goes to ACR for review; the directory shows the approved one until then.");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (routine.Count > 0)
        {
            await directoryCache.EvictAsync(cancellationToken);
        }

        TempData["StatusMessage"] = messages.Count == 0 ? "Nothing had changed." : string.Join(" ", messages);
        return Redirect("/my/rigs");
    }

    /// <summary>The yearly "we are still active" confirmation shown as "verified by its leaders on …".</summary>
    [HttpPost("verify")]
    public async Task<IActionResult> Verify(int id, CancellationToken cancellationToken)
    {
        var (rig, refusal) = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        rig!.LastVerifiedAt = now;
        Audit(rig, "Verified", [], now);
        await db.SaveChangesAsync(cancellationToken);
        await directoryCache.EvictAsync(cancellationToken);
        TempData["StatusMessage"] = $"Thank you: {rig.Name} now shows as verified by its leaders today.";
        return Redirect("/my/rigs");
    }

    private async Task<(Rig? Rig, IActionResult? Refusal)> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var rig = await db.Rigs.Include(r => r.School).Include(r => r.PendingSchool).Include(r => r.Officers)
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rig is null)
        {
            return (null, NotFound());
        }

        if (!(await authorization.AuthorizeAsync(User, rig, Policies.EditRig)).Succeeded)
        {
            return (null, Forbid());
        }

        if (rig.Status != RigStatus.Approved)
        {
            return (null, Redirect($"/register/{id}"));
        }

        return (rig, null);
    }

    private void Audit(Rig rig, string action, Dictionary<string, object?[]> changes, DateTime now) =>
        db.AuditEntries.Add(AuditEntry.ForRig(rig.Id, action, now, User.FindFirstValue(ClaimTypes.NameIdentifier), User.Identity?.Name,
            changes: changes.Count == 0 ? null : JsonSerializer.Serialize(changes.ToDictionary(c => c.Key, c => new { before = c.Value[0], after = c.Value[1] }))));
}

public sealed record EditRigViewModel(int Id, string Slug, string Name, string School, string? PendingName, string? PendingSchool, RigProfileInput Input);

/// <summary>What a leader may change on an approved RIG: the shared fields live, name and school through review.</summary>
public sealed class RigProfileInput : RigFieldsInput
{
    [Required, StringLength(Limits.Name, MinimumLength = 3)]
    [Display(Name = "RIG name (a change goes to review)")]
    public string Name { get; set; } = "";

    [Required, StringLength(Limits.Slug)]
    [Display(Name = "School (its address name; a change goes to review)")]
    public string SchoolSlug { get; set; } = "";

    public static RigProfileInput From(Rig rig)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var input = new RigProfileInput { Name = rig.PendingName ?? rig.Name, SchoolSlug = rig.PendingSchool?.Slug ?? rig.School!.Slug };
        input.LoadFrom(rig);
        return input;
    }
}
