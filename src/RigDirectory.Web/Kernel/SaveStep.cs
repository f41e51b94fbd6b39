using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;

namespace RigDirectory.Web.Kernel;

/// <summary>
/// The one save step every owner ends a command with: the change and its audit entries (and queued emails) are
/// committed together, in the owner's write transaction when it opened one; only a true concurrency failure becomes
/// <see cref="LifecycleResult.Conflict"/> (a unique index broken by a concurrent request becomes what the owner
/// says it means, or is rethrown); and what changed is announced to the read side after commit, never before.
/// </summary>
public sealed class SaveStep(AppDbContext db, IEnumerable<IChangeListener> listeners)
{
    private const int Attempts = 3;

    /// <summary>
    /// Saves (and commits <paramref name="transaction"/>), then announces <paramref name="announce"/>.
    /// <paramref name="lostRace"/>: what a broken unique index means here (a double click, a place taken meanwhile);
    /// null for one this owner does not expect, which is an error.
    /// </summary>
    public async Task<LifecycleResult> CommitAsync(
        LifecycleResult done,
        CancellationToken cancellationToken,
        Change? announce = null,
        WriteTransaction? transaction = null,
        Func<DbUpdateException, LifecycleResult?>? lostRace = null)
    {
        ArgumentNullException.ThrowIfNull(done);
        LifecycleResult? refused = null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return LifecycleResult.Conflict;
        }
        catch (DbUpdateException exception) when ((refused = lostRace?.Invoke(exception)) is not null)
        {
            db.ChangeTracker.Clear();
            return refused;
        }

        if (announce is not null)
        {
            await AnnounceAsync(announce, cancellationToken);
        }

        return done;
    }

    /// <summary>
    /// Adds <paramref name="entity"/> and, once the first save has given it its id, its audit entry
    /// (<paramref name="record"/>): two saves in one write transaction, so neither is kept without the other.
    /// Pass <paramref name="transaction"/> when the owner opened it earlier (to pick a unique slug in the write turn).
    /// </summary>
    public async Task<LifecycleResult> AddAsync<T>(
        T entity,
        Action<T> record,
        Func<T, LifecycleResult> done,
        CancellationToken cancellationToken,
        Func<T, Change>? announce = null,
        WriteTransaction? transaction = null,
        Func<DbUpdateException, LifecycleResult?>? lostRace = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(done);
        var owned = transaction is null ? await db.BeginWriteTransactionAsync(cancellationToken) : null;
        await using (owned)
        {
            LifecycleResult? refused = null;
            try
            {
                db.Add(entity);
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when ((refused = lostRace?.Invoke(exception)) is not null)
            {
                db.ChangeTracker.Clear();
                return refused;
            }

            record(entity);
            return await CommitAsync(done(entity), cancellationToken, announce?.Invoke(entity), transaction ?? owned, lostRace);
        }
    }

    /// <summary>Tells the read side about a change that is already committed.</summary>
    public async Task AnnounceAsync(Change change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        foreach (var listener in listeners)
        {
            await listener.ChangedAsync(change, cancellationToken);
        }
    }

    /// <summary>
    /// Runs a command again on fresh state when it ended in a conflict, for commands whose owner knows a retry is
    /// safe (each attempt reloads and re-checks everything): a little later each time, never in step with the other
    /// writer. At most three attempts unless <paramref name="attempts"/> says otherwise.
    /// </summary>
    public static async Task<LifecycleResult> RetryOnConflictAsync(Func<Task<LifecycleResult>> command, CancellationToken cancellationToken, int attempts = Attempts)
    {
        ArgumentNullException.ThrowIfNull(command);
        for (var attempt = 1; ; attempt++)
        {
            var result = await command();
            if (result.Outcome != Outcome.Conflict || attempt >= attempts)
            {
                return result;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 40) * attempt), cancellationToken);
        }
    }
}
