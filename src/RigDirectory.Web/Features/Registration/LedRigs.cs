using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Registration;

/// <summary>Loads a RIG for a command of its leaders, after checking the acting user may edit it (a leader, or ACR).</summary>
public sealed class LedRigs(AppDbContext db, IAuthorizationService authorization)
{
    /// <summary>The RIG with its people and events (tracked), or why the user may not have it.</summary>
    public async Task<(Rig? Rig, LifecycleResult? Refusal)> LoadAsync(int id, Actor by, CancellationToken cancellationToken)
    {
        var rig = await db.Rigs
            .Include(r => r.School)
            .Include(r => r.PendingSchool)
            .Include(r => r.Sponsors)
            .Include(r => r.Officers).ThenInclude(o => o.User)
            .Include(r => r.Invitations)
            .Include(r => r.Events)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rig is null)
        {
            return (null, LifecycleResult.NotFound);
        }

        ArgumentNullException.ThrowIfNull(by);
        return (await authorization.AuthorizeAsync(by.User, rig, Policies.EditRig)).Succeeded ? (rig, null) : (null, LifecycleResult.Forbidden);
    }

    /// <summary>
    /// A RIG its leaders may still change: a draft or one sent back, or (for <paramref name="allowApproved"/>: its
    /// people and profile) an approved one.
    /// </summary>
    public async Task<(Rig? Rig, LifecycleResult? Refusal)> LoadEditableAsync(int id, bool allowApproved, Actor by, CancellationToken cancellationToken)
    {
        var (rig, refusal) = await LoadAsync(id, by, cancellationToken);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        return RegistrationWorkflow.IsEditableByLeaders(rig!.Status) || (allowApproved && RegistrationWorkflow.IsApproved(rig.Status))
            ? (rig, null)
            : (null, LifecycleResult.Refused($"This registration is {rig.Status.DisplayName().ToLowerInvariant()} and can no longer be changed here."));
    }
}
