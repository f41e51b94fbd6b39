using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Features.Registration.ClaimReviews;

public sealed record ClaimRow(int Id, string Rig, string RigSlug, string School, string Student, string StudentEmail, string Position, int GraduationYear, DateTime CreatedAt, bool SponsorConfirmed, ClaimStatus Status);

public sealed record ClaimQueueViewModel(ClaimStatus Status, IReadOnlyList<ClaimRow> Items, int Total, int Waiting, int Page, int Pages);

public sealed record ClaimPageViewModel(
    int Id, int Version, string Rig, string RigSlug, string School, string Student, string StudentEmail, string Position, int GraduationYear, string Message,
    string SponsorName, string SponsorEmail, DateTime? SponsorConfirmedAt, ClaimStatus Status, DateTime CreatedAt, DateTime? DecidedAt, string? DecisionNote, ClaimDecisionInput Decision);

/// <summary>The review desk's claims: the queue, oldest first, and one claim to decide.</summary>
public sealed class ClaimQueries(AppDbContext db)
{
    public const int PageSize = 25;

    public async Task<ClaimQueueViewModel> QueueAsync(ClaimStatus status, int page, CancellationToken cancellationToken)
    {
        var matching = db.RigClaims.AsNoTracking().Where(c => c.Status == status);
        var total = await matching.CountAsync(cancellationToken);
        var waiting = Domain.Stewardship.IsWaiting(status) ? total : await db.RigClaims.CountAsync(Domain.Stewardship.ClaimWaiting, cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var ordered = Domain.Stewardship.IsWaiting(status) ? matching.OrderBy(c => c.CreatedAt) : matching.OrderByDescending(c => c.DecidedAt);
        var items = await ordered.ThenBy(c => c.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(c => new ClaimRow(c.Id, c.Rig!.Name, c.Rig.Slug, c.Rig.School!.Name, c.User!.DisplayName, c.User.Email!, c.Position, c.GraduationYear, c.CreatedAt, c.SponsorConfirmedAt != null, c.Status))
            .ToListAsync(cancellationToken);
        return new ClaimQueueViewModel(status, items, total, waiting, page, pages);
    }

    public Task<ClaimPageViewModel?> PageAsync(int id, ClaimDecisionInput decision, CancellationToken cancellationToken) =>
        db.RigClaims.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new ClaimPageViewModel(c.Id, c.Version, c.Rig!.Name, c.Rig.Slug, c.Rig.School!.Name, c.User!.DisplayName, c.User.Email!, c.Position, c.GraduationYear, c.Message,
                c.SponsorName, c.SponsorEmail, c.SponsorConfirmedAt, c.Status, c.CreatedAt, c.DecidedAt, c.DecisionNote, decision))
            .SingleOrDefaultAsync(cancellationToken);
}
