using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Mentoring;

/// <summary>
/// A deleted student's mentorships do not cascade from their account (SQL Server allows one cascade path to a row,
/// and the mentor's is that one): they go here, each active one freeing its mentor's place.
/// </summary>
public sealed class MentoringErasure(AppDbContext db) : IAccountErasure
{
    public async Task<string?> EraseAsync(string userId, CancellationToken cancellationToken)
    {
        var mentors = await db.Mentorships.Where(m => m.StudentUserId == userId).Where(MentoringRules.Ongoing).Select(m => m.MentorId).ToListAsync(cancellationToken);
        await db.MentorProfiles.Where(m => mentors.Contains(m.Id) && m.ActiveMentees > 0)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ActiveMentees, m => m.ActiveMentees - 1).SetProperty(m => m.Version, m => m.Version + 1), cancellationToken);
        await db.MentorshipReports.Where(r => r.ReporterUserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Mentorships.Where(m => m.StudentUserId == userId).ExecuteDeleteAsync(cancellationToken);
        return mentors.Count == 0 ? null : $"{mentors.Count} mentee place(s)";
    }
}
