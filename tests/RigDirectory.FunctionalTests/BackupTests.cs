using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;

namespace RigDirectory.FunctionalTests;

/// <summary><c>dotnet RigDirectory.Web.dll backup &lt;file&gt;</c>: a consistent copy while the app serves and writes.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly FileDatabaseFactory _factory = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"rigdirectory-backups-{Guid.NewGuid():N}");

    public void Dispose()
    {
        _factory.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private int Backup(string target, out string output, out string error, params string[] settings)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = BackupCommand.TryRun(["backup", target, $"--ConnectionStrings:Sqlite=Data Source={_factory.DatabasePath}", .. settings], stdout, stderr);
        (output, error) = (stdout.ToString(), stderr.ToString());
        return exit ?? throw new InvalidOperationException("The backup command did not run.");
    }

    [Fact]
    public async Task ABackupUnderWriteLoad_IsIntact_AndHoldsAConsistentPrefixOfEveryWriter()
    {
        _ = _factory.Services;
        using var stop = new CancellationTokenSource();
        var saved = 0;
        // Three writers, each saving numbered rows one after another, as requests would.
        var writers = Enumerable.Range(0, 3).Select(writer => Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                await _factory.WithDbAsync(db =>
                {
                    db.AuditEntries.Add(new AuditEntry { EntityType = "Load", EntityId = $"{writer}:{n}", Action = AuditAction.Edited, OccurredAt = DateTime.UtcNow });
                    return db.SaveChangesAsync();
                });
                n++;
                Interlocked.Increment(ref saved);
            }

            return n;
        })).ToList();
        await UntilAsync(() => Volatile.Read(ref saved) >= 30);
        var target = Path.Combine(_folder, "rigdirectory-backup.db");

        var exit = Backup(target, out var output, out var error);

        var afterBackup = Volatile.Read(ref saved);
        await UntilAsync(() => Volatile.Read(ref saved) >= afterBackup + 10);
        await stop.CancelAsync();
        var written = await Task.WhenAll(writers);
        Assert.True(exit == 0, error);
        Assert.Contains("integrity ok", output, StringComparison.Ordinal);
        await using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        Assert.Equal("ok", await ScalarAsync<string>(copy, "PRAGMA integrity_check;"));
        Assert.Equal(await _factory.WithDbAsync(db => db.Schools.CountAsync()), await ScalarAsync<long>(copy, "SELECT COUNT(*) FROM Schools;"));
        Assert.Equal(await _factory.WithDbAsync(db => db.Users.CountAsync()), await ScalarAsync<long>(copy, "SELECT COUNT(*) FROM AspNetUsers;"));
        var copied = 0L;
        for (var writer = 0; writer < 3; writer++)
        {
            // One moment of the database: each writer's rows 0..k-1, with no gap, and never one it had not written.
            var rows = await ScalarAsync<long>(copy, $"SELECT COUNT(*) FROM AuditEntries WHERE EntityType = 'Load' AND EntityId LIKE '{writer}:%';");
            var highest = await ScalarAsync<long?>(copy, $"SELECT MAX(CAST(substr(EntityId, 3) AS INTEGER)) FROM AuditEntries WHERE EntityType = 'Load' AND EntityId LIKE '{writer}:%';") ?? -1;
            Assert.Equal(rows, highest + 1);
            Assert.True(rows <= written[writer]);
            copied += rows;
        }

        Assert.True(copied > 0, "The writers had saved rows before the backup began.");
        Assert.True(copied < written.Sum(), "The writers went on during and after the backup.");
    }

    [Fact]
    public async Task AnExistingFile_IsNeverOverwritten()
    {
        _ = _factory.Services;
        Directory.CreateDirectory(_folder);
        var target = Path.Combine(_folder, "taken.db");
        await File.WriteAllTextAsync(target, "an earlier backup");

        var exit = Backup(target, out _, out var error);

        Assert.Equal(1, exit);
        Assert.Contains("exists already", error, StringComparison.Ordinal);
        Assert.Equal("an earlier backup", await File.ReadAllTextAsync(target));
    }

    [Theory]
    [InlineData]
    [InlineData("--ConnectionStrings:Sqlite=Data Source=x.db")]
    public void WithoutATargetFile_ItSaysHowToCallIt(params string[] rest)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = BackupCommand.TryRun(["backup", .. rest], output, error);

        Assert.Equal(2, exit);
        Assert.StartsWith("Usage: dotnet RigDirectory.Web.dll backup <file>", error.ToString(), StringComparison.Ordinal);
        Assert.Null(BackupCommand.TryRun(["--urls", "http://127.0.0.1:5080"], output, error));
    }

    [Fact]
    public void OnSqlServer_ItPointsToSqlServersOwnBackups()
    {
        var exit = Backup(Path.Combine(_folder, "never.db"), out _, out var error, "--Database:Provider=SqlServer");

        Assert.Equal(2, exit);
        Assert.Contains("BACKUP DATABASE", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder));
    }

    /// <summary>Waits for the writers (slow on a busy machine), for at most 30 seconds.</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition() && waited < 30_000; waited += 20)
        {
            await Task.Delay(20);
        }
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
