using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Infrastructure.Email;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Reviews;

public enum DecisionOutcome
{
    Done,
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>What a reviewer's decision came to, for the controller to translate into HTTP.</summary>
public sealed record DecisionResult(DecisionOutcome Outcome, IReadOnlyList<KeyValuePair<string, string>> Errors, string? Message = null)
{
    public static readonly DecisionResult NotFound = new(DecisionOutcome.NotFound, []);
    public static readonly DecisionResult Conflict = new(DecisionOutcome.Conflict, []);

    public static DecisionResult Done(string message) => new(DecisionOutcome.Done, [], message);
}

/// <summary>
/// What a reviewer's decision does, in one place: the state change, the school listing, the audit entry, the
/// save-if-unchanged (a second reviewer acting on a stale page writes nothing), role grants, cache eviction and the
/// leaders' email.
/// </summary>
public sealed class ReviewDecisions(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    DirectoryCache directoryCache,
    RigMailer mailer,
    PublicUrls urls,
    TimeProvider clock)
{
    private const string NoteKey = "Decision.Note";
    private const string NoteRequired = "Write a note: the leaders see it and need to know what to do next.";

    /// <summary>Approve, request changes to or reject a registration. <paramref name="inputValid"/>: the posted form passed its own validation.</summary>
    public async Task<DecisionResult> DecideRegistrationAsync(int id, DecisionInput input, bool inputValid, ClaimsPrincipal reviewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rig = await db.Rigs.Include(r => r.School).Include(r => r.Officers).ThenInclude(o => o.User).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rig is null)
        {
            return DecisionResult.NotFound;
        }

        var to = input.Action switch
        {
            ReviewAction.Approve => RigStatus.Approved,
            ReviewAction.RequestChanges => RigStatus.ChangesRequested,
            _ => RigStatus.Rejected,
        };
        var errors = new List<KeyValuePair<string, string>>();
        if (to != RigStatus.Approved && string.IsNullOrWhiteSpace(input.Note))
        {
            errors.Add(new(NoteKey, NoteRequired));
        }

        if (rig.Version != input.Version)
        {
            return DecisionResult.Conflict;
        }

        if (RegistrationWorkflow.Refusal(rig.Status, to, RegistrationActor.Reviewer) is { } refusal)
        {
            errors.Add(new(string.Empty, refusal));
        }

        if (errors.Count > 0 || !inputValid)
        {
            return new DecisionResult(DecisionOutcome.Invalid, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = rig.Status;
        rig.Status = to;
        rig.UpdatedAt = now;
        if (to == RigStatus.Approved)
        {
            rig.ApprovedAt = now;
            rig.LastVerifiedAt = rig.SubmittedAt ?? now;
            if (rig.School!.Status == SchoolStatus.Requested)
            {
                rig.School.Status = SchoolStatus.Listed;
                rig.School.UpdatedAt = now;
            }
        }

        var note = Note(input);
        db.AuditEntries.Add(AuditEntry.ForRig(rig.Id, input.Action.ToString(), now, reviewer.FindFirstValue(ClaimTypes.NameIdentifier), reviewer.Identity?.Name, note, from, to));
        if (!await SaveIfUnchangedAsync(rig, input.Version, cancellationToken))
        {
            return DecisionResult.Conflict;
        }

        var officers = Officers(rig);
        if (to == RigStatus.Approved)
        {
            foreach (var officer in officers)
            {
                if (!await users.IsInRoleAsync(officer, Roles.RigLeader))
                {
                    await users.AddToRoleAsync(officer, Roles.RigLeader);
                }
            }

            await directoryCache.EvictAsync(cancellationToken);
        }

        var (subject, body) = to switch
        {
            RigStatus.Approved => ($"{rig.Name} is approved", $"<p>ACR approved <strong>{Encode(rig.Name)}</strong>. It is now in the directory, and you can keep it current from My RIGs.</p>"),
            RigStatus.ChangesRequested => ($"Changes requested for {rig.Name}", $"<p>ACR asked for changes to the registration of <strong>{Encode(rig.Name)}</strong>. Make them and submit again; nothing you entered is lost.</p>"),
            _ => ($"{rig.Name} was not approved", $"<p>ACR did not approve the registration of <strong>{Encode(rig.Name)}</strong>.</p>"),
        };
        await SendToLeadersAsync(rig, officers, subject, body, note, cancellationToken);
        return DecisionResult.Done($"{rig.Name}: {to.DisplayName().ToLowerInvariant()}. The leaders were emailed.");
    }

    /// <summary>Approve or reject a pending change of name or school to an approved RIG.</summary>
    public async Task<DecisionResult> DecideChangeAsync(int id, DecisionInput input, bool inputValid, ClaimsPrincipal reviewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rig = await db.Rigs.Include(r => r.School).Include(r => r.PendingSchool).Include(r => r.Officers).ThenInclude(o => o.User)
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rig is null)
        {
            return DecisionResult.NotFound;
        }

        if (rig.Version != input.Version)
        {
            return DecisionResult.Conflict;
        }

        var errors = new List<KeyValuePair<string, string>>();
        if (!rig.HasPendingChange || rig.Status != RigStatus.Approved)
        {
            errors.Add(new(string.Empty, "This RIG has no change waiting for review."));
        }

        if (input.Action != ReviewAction.Approve && string.IsNullOrWhiteSpace(input.Note))
        {
            errors.Add(new(NoteKey, NoteRequired));
        }

        if (errors.Count > 0 || !inputValid)
        {
            return new DecisionResult(DecisionOutcome.Invalid, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changes = new Dictionary<string, object?>();
        if (rig.PendingName is not null)
        {
            changes["Name"] = new { before = rig.Name, after = rig.PendingName };
        }

        if (rig.PendingSchool is not null)
        {
            changes["School"] = new { before = rig.School!.DisplayName, after = rig.PendingSchool.DisplayName };
        }

        var approve = input.Action == ReviewAction.Approve;
        if (approve)
        {
            rig.Name = rig.PendingName ?? rig.Name;
            rig.SchoolId = rig.PendingSchoolId ?? rig.SchoolId;
            rig.UpdatedAt = now;
        }

        rig.PendingName = null;
        rig.PendingSchoolId = null;
        rig.ChangeRequestedAt = null;
        var note = Note(input);
        db.AuditEntries.Add(AuditEntry.ForRig(rig.Id, approve ? "ChangeApproved" : "ChangeRejected", now, reviewer.FindFirstValue(ClaimTypes.NameIdentifier), reviewer.Identity?.Name,
            note, changes: System.Text.Json.JsonSerializer.Serialize(changes)));
        if (!await SaveIfUnchangedAsync(rig, input.Version, cancellationToken))
        {
            return DecisionResult.Conflict;
        }

        if (approve)
        {
            await directoryCache.EvictAsync(cancellationToken);
        }

        await SendToLeadersAsync(rig, Officers(rig),
            approve ? $"Change approved for {rig.Name}" : $"Change not approved for {rig.Name}",
            approve ? $"<p>ACR approved the change to <strong>{Encode(rig.Name)}</strong>; the directory shows it now.</p>" : $"<p>ACR did not approve the change of name or school for <strong>{Encode(rig.Name)}</strong>; the directory keeps the approved version.</p>",
            note, cancellationToken);
        return DecisionResult.Done($"{rig.Name}: change {(approve ? "approved" : "not approved")}. The leaders were emailed.");
    }

    /// <summary>
    /// Saves only if the registration is still at the version the reviewer saw; otherwise someone else got
    /// there first, and nothing is written.
    /// </summary>
    private async Task<bool> SaveIfUnchangedAsync(Rig rig, int seenVersion, CancellationToken cancellationToken)
    {
        db.Entry(rig).Property(r => r.Version).OriginalValue = seenVersion;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task SendToLeadersAsync(Rig rig, IReadOnlyList<ApplicationUser> officers, string subject, string body, string? note, CancellationToken cancellationToken)
    {
        var link = urls.Action("Index", "MyRigs");
        var html = body + (note is null ? "" : $"<p>The reviewer's note:</p><blockquote>{Encode(note)}</blockquote>") + $"<p><a href=\"{Encode(link)}\">Open My RIGs</a></p>";
        foreach (var officer in officers.Where(o => !string.IsNullOrEmpty(o.Email)))
        {
            await mailer.SendAsync(rig.Id, officer.Email!, subject, html, cancellationToken);
        }
    }

    private static List<ApplicationUser> Officers(Rig rig) => rig.Officers.Where(o => o.EndedAt == null && o.User is not null).Select(o => o.User!).ToList();

    private static string? Note(DecisionInput input) => string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
