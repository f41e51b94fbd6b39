namespace RigDirectory.Web.Infrastructure;

/// <summary>
/// An in-memory copy of something read from the database (a snapshot), built once on first use and shared by
/// every reader, that stays true with several instances: a change drops it here and bumps its stamp
/// (<see cref="ISharedStamps"/>), and every other instance, finding the stamp moved on its next read, builds a
/// fresh copy. <paramref name="expired"/> may also retire a copy by age.
/// </summary>
public sealed class SharedCopy<T>(string name, ISharedStamps stamps, Func<Task<T>> build, Func<T, bool>? expired = null)
    where T : class
{
    private Held? _current;
    private long _generation;

    public async Task<T> GetAsync()
    {
        var stamp = await stamps.ReadAsync(name);
        var current = Volatile.Read(ref _current);
        if (current is null || current.Stamp != stamp || IsUnusable(current.Copy))
        {
            var fresh = new Held(stamp, new Lazy<Task<T>>(build));
            current = Interlocked.CompareExchange(ref _current, fresh, current) == current ? fresh : Volatile.Read(ref _current) ?? fresh;
        }

        return await current.Copy.Value;
    }

    /// <summary>The copy held now, if it is built, and the generation to hand back to <see cref="ReplaceAsync"/>.</summary>
    public (T? Copy, long Generation) Peek()
    {
        var generation = Interlocked.Read(ref _generation);
        var current = Volatile.Read(ref _current);
        return (current is { Copy: { IsValueCreated: true, Value.IsCompletedSuccessfully: true } } ? current.Copy.Value.Result : null, generation);
    }

    /// <summary>Drops the copy here and, through the stamp, on every other instance; the next reader builds a fresh one.</summary>
    public async Task DropAsync()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _current, null);
        await stamps.BumpAsync(name);
    }

    /// <summary>
    /// Puts <paramref name="replacement"/> (a copy changed in place) where <paramref name="copy"/> was, unless the
    /// copy was dropped or replaced since <paramref name="generation"/>; other instances are told to rebuild. When it
    /// cannot, it drops the copy instead and returns false.
    /// </summary>
    public async Task<bool> ReplaceAsync(T copy, T replacement, long generation)
    {
        var current = Volatile.Read(ref _current);
        var next = current is null ? null : new Held(current.Stamp, new Lazy<Task<T>>(Task.FromResult(replacement)));
        if (current is null || Peek().Copy != copy || Interlocked.Read(ref _generation) != generation
            || Interlocked.CompareExchange(ref _current, next, current) != current)
        {
            await DropAsync();
            return false;
        }

        // The new stamp is this copy's own when no other instance changed anything meanwhile.
        var stamp = await stamps.BumpAsync(name);
        if (stamp == current.Stamp + 1)
        {
            Interlocked.CompareExchange(ref _current, new Held(stamp, next!.Copy), next);
        }

        return true;
    }

    private bool IsUnusable(Lazy<Task<T>> copy) => copy.IsValueCreated &&
        (copy.Value.IsFaulted || (expired is not null && copy.Value.IsCompletedSuccessfully && expired(copy.Value.Result)));

    private sealed record Held(long Stamp, Lazy<Task<T>> Copy);
}
