using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Features.Directory;

namespace RigDirectory.Web.Lifecycle;

/// <summary>
/// How every lifecycle command ends: one save of the change with its audit entry and emails (all or nothing), a
/// conflict instead of an error when someone else changed the RIG meanwhile, then the public pages evicted if
/// they changed.
/// </summary>
public sealed class RigUnitOfWork(AppDbContext db, DirectoryCache directoryCache)
{
    public async Task<LifecycleResult> SaveAsync(LifecycleResult done, bool evict, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(done);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return LifecycleResult.Conflict;
        }

        if (evict)
        {
            await directoryCache.EvictAsync(cancellationToken);
        }

        return done;
    }
}
