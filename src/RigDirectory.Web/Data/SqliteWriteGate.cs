using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace RigDirectory.Web.Data;

/// <summary>
/// One writer at a time per SQLite database, queued asynchronously. SQLite lets one connection write at once; the
/// others wait inside the driver (the busy timeout), each blocking a thread-pool thread. Sixteen leaders saving at
/// once so starved the pool that anonymous readers of cached pages waited behind them (205 against 14,000
/// requests a second, tests/Benchmarks/run.sh). Waiting here instead costs no thread.
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Files = new(StringComparer.Ordinal);
    private static readonly ConditionalWeakTable<DbConnection, SemaphoreSlim> InMemory = [];

    /// <summary>Waits for the database's write turn; dispose the result to give it up.</summary>
    public static async Task<IDisposable> EnterAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var gate = For(connection);
        await gate.WaitAsync(cancellationToken);
        return new Turn(gate);
    }

    public static IDisposable Enter(DbConnection connection)
    {
        var gate = For(connection);
        gate.Wait();
        return new Turn(gate);
    }

    private static SemaphoreSlim For(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var file = connection is SqliteConnection sqlite ? new SqliteConnectionStringBuilder(sqlite.ConnectionString).DataSource : connection.DataSource;
        // An in-memory database lives and dies with its one connection (the tests'); a file is shared by every connection.
        return string.IsNullOrEmpty(file) || file == ":memory:" || file.Contains("mode=memory", StringComparison.OrdinalIgnoreCase)
            ? InMemory.GetValue(connection, _ => new SemaphoreSlim(1, 1))
            : Files.GetOrAdd(Path.GetFullPath(file), _ => new SemaphoreSlim(1, 1));
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
