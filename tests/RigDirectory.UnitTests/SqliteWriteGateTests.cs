using Microsoft.Data.Sqlite;
using RigDirectory.Web.Data;

namespace RigDirectory.UnitTests;

public sealed class SqliteWriteGateTests
{
    [Fact]
    public async Task TwoConnectionsToOneFile_TakeTurns_WithoutHoldingAThread()
    {
        var file = Path.Combine(Path.GetTempPath(), $"gate-{Guid.NewGuid():N}.db");
        using var first = new SqliteConnection($"Data Source={file}");
        using var second = new SqliteConnection($"Data Source={file}");

        var turn = await SqliteWriteGate.EnterAsync(first, CancellationToken.None);
        var waiting = SqliteWriteGate.EnterAsync(second, CancellationToken.None);

        Assert.False(waiting.IsCompleted);
        turn.Dispose();
        turn.Dispose(); // a second dispose gives nothing back twice
        (await waiting.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        (await SqliteWriteGate.EnterAsync(first, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task SeparateInMemoryDatabases_DoNotWaitForEachOther()
    {
        using var one = new SqliteConnection("Data Source=:memory:");
        using var other = new SqliteConnection("Data Source=:memory:");

        using var turn = await SqliteWriteGate.EnterAsync(one, CancellationToken.None);
        var second = SqliteWriteGate.EnterAsync(other, CancellationToken.None);

        Assert.True(second.IsCompleted);
        (await second).Dispose();
    }
}
