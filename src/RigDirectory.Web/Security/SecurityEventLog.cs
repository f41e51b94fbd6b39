using System.Security.Claims;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Security;

/// <summary>Writes <see cref="SecurityEvent"/>s: who, when, from which address. The app has no way to edit them.</summary>
public sealed class SecurityEventLog(AppDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public async Task RecordAsync(SecurityEventKind kind, ApplicationUser? user, string? email = null, string? detail = null)
    {
        var context = http.HttpContext;
        var actor = context?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        db.SecurityEvents.Add(new SecurityEvent
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            Kind = kind,
            UserId = user?.Id,
            Email = Truncate(email ?? user?.Email, Limits.Email),
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
            ActorUserId = actor is not null && actor != user?.Id ? actor : null,
            Detail = Truncate(detail, 500),
        });
        await db.SaveChangesAsync();
    }

    private static string? Truncate(string? text, int length) => text is { Length: > 0 } && text.Length > length ? text[..length] : text;
}
