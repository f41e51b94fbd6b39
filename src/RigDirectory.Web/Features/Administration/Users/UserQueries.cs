using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Features.Administration.Users;

public sealed record UserRow(string Id, string DisplayName, string? Email, bool EmailConfirmed, DateTimeOffset? LockoutEnd, DateTime CreatedAt, IReadOnlyList<string> Roles);

public sealed record UserListViewModel(string? Query, string? Role, IReadOnlyList<UserRow> Users, int Page, bool HasMore, DateTimeOffset Now);

public sealed record UserRigRow(int RigId, string Slug, string Rig, RigStatus Status, string Position, int GraduationYear, DateTime? EndedAt);

public sealed record UserAuditRow(long Id, DateTime At, string? Who, AuditAction Action, string? Changes, string? Note);

public sealed record UserPageViewModel(UserRow User, IReadOnlyList<UserRigRow> Rigs, IReadOnlyList<UserAuditRow> History, DateTimeOffset Now)
{
    public bool IsLockedOut => User.LockoutEnd > Now;
}

/// <summary>The users console: search by name or email, filter by role; one account with its roles, RIGs and history.</summary>
public sealed class UserQueries(AppDbContext db)
{
    public const int PageSize = 50;
    public const int HistoryShown = 30;

    public async Task<(IReadOnlyList<UserRow> Users, bool HasMore)> SearchAsync(string? query, string? role, int page, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query))
        {
            var text = query.Trim();
            var upper = text.ToUpperInvariant();
            var pattern = LikePatterns.Containing(text);
            users = users.Where(u => u.NormalizedEmail == upper || EF.Functions.Like(u.Email!, pattern, LikePatterns.Escape) || EF.Functions.Like(u.DisplayName, pattern, LikePatterns.Escape));
        }

        if (!string.IsNullOrEmpty(role))
        {
            var roleId = db.Roles.Where(r => r.Name == role).Select(r => r.Id);
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleId.Contains(ur.RoleId)));
        }

        var rows = await Project(users.OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Skip((page - 1) * PageSize).Take(PageSize + 1))
            .ToListAsync(cancellationToken);
        return (rows.Take(PageSize).ToList(), rows.Count > PageSize);
    }

    public async Task<(UserRow? User, IReadOnlyList<UserRigRow> Rigs, IReadOnlyList<UserAuditRow> History)> FindAsync(string id, CancellationToken cancellationToken)
    {
        var user = await Project(db.Users.AsNoTracking().Where(u => u.Id == id)).SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return (null, [], []);
        }

        var rigs = await db.RigOfficers.AsNoTracking().Where(o => o.UserId == id).OrderBy(o => o.EndedAt != null).ThenByDescending(o => o.StartedAt)
            .Select(o => new UserRigRow(o.RigId, o.Rig!.Slug, o.Rig.Name, o.Rig.Status, o.Position, o.GraduationYear, o.EndedAt))
            .ToListAsync(cancellationToken);
        var history = await db.AuditEntries.AsNoTracking().Where(a => (a.EntityType == UserAdministration.EntityType && a.EntityId == id) || a.UserId == id)
            .OrderByDescending(a => a.Id).Take(HistoryShown)
            .Select(a => new UserAuditRow(a.Id, a.OccurredAt, a.UserDisplayName, a.Action, a.Changes, a.Note))
            .ToListAsync(cancellationToken);
        return (user, rigs, history);
    }

    private IQueryable<UserRow> Project(IQueryable<ApplicationUser> users) => users.Select(u => new UserRow(
        u.Id, u.DisplayName, u.Email, u.EmailConfirmed, u.LockoutEnd, u.CreatedAt,
        db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToList()));
}
