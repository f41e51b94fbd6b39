using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;

namespace RigDirectory.Web.Lifecycle;

/// <summary>
/// How every lifecycle command ends: one save of the change with its audit entry and emails (all or nothing), a
/// conflict instead of an error when someone else changed the RIG meanwhile, then the public pages that show
/// what changed evicted (<paramref name="change"/>: none when nothing public changed).
/// </summary>
public sealed class RigUnitOfWork(AppDbContext db, DirectoryCache directoryCache)
{
    public async Task<LifecycleResult> SaveAsync(LifecycleResult done, int rigId, RigChange? change, CancellationToken cancellationToken)
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
        catch (DbUpdateException exception) when (UniqueViolations.IsOneLiveRigPerSchool(exception))
        {
            // Another registration took the school between this one's check and its save.
            db.ChangeTracker.Clear();
            return LifecycleResult.Refused(RegistrationWorkflow.SchoolTaken("This school"));
        }

        if (change is { } touched)
        {
            await directoryCache.EvictRigAsync(db, rigId, touched, cancellationToken);
        }

        return done;
    }

    /// <summary>A RIG's name or school changed: every page that may name it starts again.</summary>
    public async Task<LifecycleResult> SaveAndEvictAllAsync(LifecycleResult done, CancellationToken cancellationToken)
    {
        var saved = await SaveAsync(done, 0, null, cancellationToken);
        if (saved.Succeeded)
        {
            await directoryCache.EvictAsync(cancellationToken);
        }

        return saved;
    }
}
