using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Registration;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Administration;

/// <summary>
/// Puts one field of a RIG's profile back as an earlier change found it. The revert is itself an audited change
/// (and can be reverted in turn); it refuses when the field has changed again since, so that nobody's later
/// edit is silently lost.
/// </summary>
public sealed class AuditReverts(AppDbContext db, AuditLog audit, SaveStep save, TimeProvider clock)
{
    /// <summary>The profile fields a revert can set, read and written in the text the audit log stores them in.</summary>
    private static readonly Dictionary<string, (Func<Rig, string?> Get, Action<Rig, string?> Set)> Fields = new(StringComparer.Ordinal)
    {
        [nameof(Rig.Description)] = (r => r.Description, (r, v) => r.Description = v),
        [nameof(Rig.HowToGetInvolved)] = (r => r.HowToGetInvolved, (r, v) => r.HowToGetInvolved = v),
        [nameof(Rig.Activities)] = (r => Text(r.Activities), (r, v) => r.Activities = v is null ? RigActivities.None : Enum.Parse<RigActivities>(v)),
        [nameof(Rig.MeetingCadence)] = (r => Text(r.MeetingCadence), (r, v) => r.MeetingCadence = v is null ? MeetingCadence.NotSet : Enum.Parse<MeetingCadence>(v)),
        [nameof(Rig.ContactEmail)] = (r => r.ContactEmail, (r, v) => r.ContactEmail = v),
        [nameof(Rig.ContactVisibility)] = (r => Text(r.ContactVisibility), (r, v) => r.ContactVisibility = v is null ? ContactVisibility.SignedInOnly : Enum.Parse<ContactVisibility>(v)),
        [nameof(Rig.Website)] = (r => r.Website, (r, v) => r.Website = v),
        [nameof(Rig.InstagramUrl)] = (r => r.InstagramUrl, (r, v) => r.InstagramUrl = v),
        [nameof(Rig.XUrl)] = (r => r.XUrl, (r, v) => r.XUrl = v),
        [nameof(Rig.LinkedInUrl)] = (r => r.LinkedInUrl, (r, v) => r.LinkedInUrl = v),
        [nameof(Rig.FoundedYear)] = (r => Text(r.FoundedYear), (r, v) => r.FoundedYear = v is null ? null : int.Parse(v, CultureInfo.InvariantCulture)),
    };

    /// <summary>Whether a field of an entry of this kind can be reverted here.</summary>
    public static bool CanRevert(string entityType, AuditAction action, string field) =>
        entityType == nameof(Rig) && action is AuditAction.Edited or AuditAction.Reverted && Fields.ContainsKey(field);

    public async Task<LifecycleResult> RevertAsync(long entryId, string field, CancellationToken cancellationToken)
    {
        var entry = await db.AuditEntries.AsNoTracking().SingleOrDefaultAsync(a => a.Id == entryId, cancellationToken);
        if (entry?.RigId is not { } rigId || !AuditChanges.Parse(entry.Changes).TryGetValue(field, out var change))
        {
            return LifecycleResult.NotFound;
        }

        if (!CanRevert(entry.EntityType, entry.Action, field))
        {
            return LifecycleResult.Refused("Only a field of a RIG's profile can be reverted here.");
        }

        var rig = await db.Rigs.SingleOrDefaultAsync(r => r.Id == rigId, cancellationToken);
        if (rig is null)
        {
            return LifecycleResult.NotFound;
        }

        var (get, set) = Fields[field];
        var now = get(rig);
        if (now != change.After)
        {
            return LifecycleResult.Refused($"Not reverted: {field} has changed again since this entry (it is now \"{now ?? "empty"}\"). Revert the later change instead, or edit it.");
        }

        set(rig, change.Before);
        rig.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Rig(rig.Id, AuditAction.Reverted, AuditChanges.Of(field, change.After, change.Before), $"Reverted {field} of entry #{entryId.ToString(CultureInfo.InvariantCulture)}.");
        var saved = await save.CommitAsync(LifecycleResult.Ok($"{field} of {rig.Name} is back to what it was before entry #{entryId.ToString(CultureInfo.InvariantCulture)}.", rig.Id), cancellationToken, new RigChanged(rig.Id, RigChange.Listing), lostRace: RigLifecycle.SchoolTakenMeanwhile);
        return saved.Outcome == Outcome.Conflict ? LifecycleResult.Refused("Not reverted: the RIG changed at the same moment. Look at its history again.") : saved;
    }

    private static string? Text<T>(T value) => value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
}
