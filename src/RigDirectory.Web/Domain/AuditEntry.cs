namespace RigDirectory.Web.Domain;

/// <summary>Who changed what, when, with the values before and after, so that any change can be traced and undone.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }

    /// <summary>The RIG the change belongs to, for its history page; null for changes outside any RIG.</summary>
    public int? RigId { get; set; }

    public required string Action { get; set; }
    public string? UserId { get; set; }
    public string? UserDisplayName { get; set; }
    public DateTime OccurredAt { get; set; }
    public RigStatus? FromStatus { get; set; }
    public RigStatus? ToStatus { get; set; }

    /// <summary>The note a reviewer or admin wrote; leaders see review notes.</summary>
    public string? Note { get; set; }

    /// <summary>JSON object of field → { "before": …, "after": … }.</summary>
    public string? Changes { get; set; }

    /// <summary>An entry in a RIG's history.</summary>
    public static AuditEntry ForRig(int rigId, string action, DateTime at, string? userId, string? userName, string? note = null, RigStatus? from = null, RigStatus? to = null, string? changes = null) => new()
    {
        EntityType = nameof(Rig),
        EntityId = rigId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        RigId = rigId,
        Action = action,
        UserId = userId,
        UserDisplayName = userName,
        OccurredAt = at,
        FromStatus = from,
        ToStatus = to,
        Note = note,
        Changes = changes,
    };
}

/// <summary>An entity whose concurrency token is a counter bumped on every save.</summary>
public interface IVersioned
{
    int Version { get; set; }
}
