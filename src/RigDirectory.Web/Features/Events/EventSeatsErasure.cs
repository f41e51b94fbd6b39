using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Events;

/// <summary>A deleted account's registrations go, and each seat it held passes to the first student waiting for it.</summary>
public sealed class EventSeatsErasure(AppDbContext db, IServiceProvider services, TimeProvider clock) : IAccountErasure
{
    public async Task<string?> EraseAsync(string userId, CancellationToken cancellationToken)
    {
        var seats = await db.EventRegistrations.Where(r => r.UserId == userId).Where(EventRules.HoldsSeat).Select(r => r.EventId).ToListAsync(cancellationToken);
        await db.EventRegistrations.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        // Resolved here, not injected: its emails need the user manager that is deleting the account.
        var registrations = services.GetRequiredService<EventRegistrationLifecycle>();
        foreach (var e in await db.Events.Where(e => seats.Contains(e.Id)).ToListAsync(cancellationToken))
        {
            e.SeatsTaken = Math.Max(0, e.SeatsTaken - 1);
            e.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await registrations.FillFromWaitlistAsync(e, cancellationToken);
        }

        return seats.Count == 0 ? null : $"{seats.Count} event seat(s)";
    }
}
