using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Directory;

/// <summary>The directory's read side: evicts the pages and moves the snapshot rows that a committed change alters.</summary>
public sealed class DirectoryChangeListener(AppDbContext db, DirectoryCache cache) : IChangeListener
{
    public async Task ChangedAsync(Change change, CancellationToken cancellationToken)
    {
        switch (change)
        {
            case RigChanged { What: RigChange.Identity } or SchoolChanged or RegionChanged:
                await cache.EvictAsync(cancellationToken);
                break;
            case RigChanged rig:
                await cache.EvictRigAsync(db, rig.RigId, rig.What, cancellationToken);
                break;
            case MentorChanged mentor:
                // A linked mentor shows on RIG profiles.
                var rigs = await db.RigMentors.Where(l => l.MentorId == mentor.MentorId).Select(l => l.RigId).ToListAsync(cancellationToken);
                foreach (var rigId in rigs)
                {
                    await cache.EvictRigAsync(db, rigId, RigChange.Profile, cancellationToken);
                }

                break;
        }
    }
}
