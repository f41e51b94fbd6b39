using RigDirectory.Web.Data;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Events;

/// <summary>The events' read side: evicts an event's pages and feeds (or only its seats) once a change has committed.</summary>
public sealed class EventChangeListener(AppDbContext db, EventCache cache) : IChangeListener
{
    public async Task ChangedAsync(Change change, CancellationToken cancellationToken)
    {
        switch (change)
        {
            case EventChanged changed:
                await cache.EvictAsync(db, changed.EventId, cancellationToken, changed.FormerCoHosts);
                break;
            case EventSeatsChanged seats:
                await cache.EvictSeatsAsync(seats.EventId, cancellationToken);
                break;
        }
    }
}
