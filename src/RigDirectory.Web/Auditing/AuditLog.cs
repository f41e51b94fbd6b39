using System.Globalization;
using System.Security.Claims;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Auditing;

/// <summary>Who did something: a signed-in user, someone acting from an emailed link, or the app itself.</summary>
public sealed record Actor(string? UserId, string DisplayName)
{
    public static readonly Actor System = new(null, "RigDirectory");

    /// <summary>The request's signed-in user, for the policies a command checks (an admin, a RIG's editor); nobody for the app.</summary>
    public ClaimsPrincipal User { get; init; } = new();

    public static Actor From(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
            ? new Actor(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name ?? "A signed-in user") { User = user }
            : System;

    /// <summary>Someone without an account, named by what they confirmed (a faculty sponsor).</summary>
    public static Actor Named(string name) => new(null, name);
}

/// <summary>
/// The one audit log: every write path records here, with a typed action, one before/after shape and the actor
/// of the current request taken once. Entries are added to the caller's unit of work, so they commit (or not)
/// with the change they describe.
/// </summary>
public sealed class AuditLog(AppDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    private Actor? _actor;

    /// <summary>Whoever made the current request (the app itself outside one).</summary>
    private Actor CurrentActor => _actor ??= Actor.From(http.HttpContext?.User);

    /// <summary>An entry in a RIG's history.</summary>
    public void Rig(int rigId, AuditAction action, AuditChanges? changes = null, string? note = null, Actor? by = null) =>
        Record(nameof(Domain.Rig), rigId.ToString(CultureInfo.InvariantCulture), rigId, action, changes, note, by);

    /// <summary>An entry about anything else (a region, a contact), or about a part of a RIG.</summary>
    public void Record(string entityType, string entityId, int? rigId, AuditAction action, AuditChanges? changes = null, string? note = null, Actor? by = null)
    {
        var actor = by ?? CurrentActor;
        RigStatus? from = null, to = null;
        if (changes?.TryGetValue(AuditChanges.StatusField, out var status) == true)
        {
            from = Enum.TryParse<RigStatus>(status.Before, out var before) ? before : null;
            to = Enum.TryParse<RigStatus>(status.After, out var after) ? after : null;
        }

        db.AuditEntries.Add(new AuditEntry
        {
            EntityType = entityType,
            EntityId = entityId,
            RigId = rigId,
            Action = action,
            UserId = actor.UserId,
            UserDisplayName = actor.DisplayName,
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            FromStatus = from,
            ToStatus = to,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            Changes = changes?.Serialize(),
        });
    }
}
