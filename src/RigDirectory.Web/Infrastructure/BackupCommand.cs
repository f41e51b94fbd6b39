using Microsoft.Data.Sqlite;
using RigDirectory.Web.Data;

namespace RigDirectory.Web.Infrastructure;

/// <summary>
/// <c>dotnet RigDirectory.Web.dll backup &lt;file&gt; [settings]</c>: a consistent copy of the embedded SQLite database,
/// taken while the app serves (SQLite's online backup reads one snapshot; writers go on meanwhile), checked with
/// <c>PRAGMA integrity_check</c> before it is given its name. It reads the same settings as the app (appsettings,
/// environment variables, <c>--ConnectionStrings:Sqlite=…</c>). SQL Server has its own backups; see the README.
/// </summary>
public static class BackupCommand
{
    public const string Name = "backup";

    /// <summary>Runs the command when <paramref name="args"/> name it; null when they do not (the app starts instead).</summary>
    public static int? TryRun(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length == 0 || !args[0].Equals(Name, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            error.WriteLine("Usage: dotnet RigDirectory.Web.dll backup <file> [--ConnectionStrings:Sqlite=\"Data Source=…\"]");
            return 2;
        }

        var builder = WebApplication.CreateBuilder(args[2..]);
        var provider = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProviders.Sqlite;
        if (!provider.Equals(DatabaseProviders.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            error.WriteLine($"The database provider is {provider}: back it up with its own tools (for SQL Server, BACKUP DATABASE or your host's automated backups; see the README).");
            return 2;
        }

        try
        {
            var backup = SqliteBackup.Run(DatabaseServiceCollectionExtensions.SqliteConnectionString(builder.Configuration, builder.Environment), args[1]);
            output.WriteLine($"Backed up {backup.Source} to {backup.Target}: {backup.Bytes:N0} bytes, integrity ok.");
            return 0;
        }
        catch (BackupException exception)
        {
            error.WriteLine(exception.Message);
            return 1;
        }
    }
}

public sealed class BackupException(string message) : Exception(message);

public static class SqliteBackup
{
    public sealed record Result(string Source, string Target, long Bytes);

    /// <summary>Copies the database to a new file <paramref name="target"/>; never overwrites one.</summary>
    public static Result Run(string sourceConnectionString, string target)
    {
        var source = new SqliteConnectionStringBuilder(sourceConnectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        var path = Path.GetFullPath(target);
        if (!File.Exists(source.DataSource))
        {
            throw new BackupException($"There is no database at {source.DataSource}.");
        }

        if (File.Exists(path))
        {
            throw new BackupException($"{path} exists already; name a new file, so that no earlier backup is overwritten.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        File.Delete(partial);
        try
        {
            Copy(source.ToString(), partial);
            File.Move(partial, path);
            return new Result(source.DataSource, path, new FileInfo(path).Length);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>An online copy of the live database into <paramref name="partial"/>, checked before it is kept.</summary>
    private static void Copy(string source, string partial)
    {
        using var from = new SqliteConnection(source);
        using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString());
        from.Open();
        using (var wait = from.CreateCommand())
        {
            // A writer's commit holds the lock for milliseconds; wait for it rather than fail.
            wait.CommandText = "PRAGMA busy_timeout = 10000;";
            wait.ExecuteNonQuery();
        }

        to.Open();
        from.BackupDatabase(to);
        using var check = to.CreateCommand();
        // One self-contained file (no -wal beside it); the app turns WAL back on when it starts on a restored copy.
        check.CommandText = "PRAGMA journal_mode = DELETE;";
        check.ExecuteNonQuery();
        check.CommandText = "PRAGMA integrity_check;";
        var integrity = check.ExecuteScalar() as string;
        if (integrity != "ok")
        {
            throw new BackupException($"The copy failed its integrity check ({integrity}); nothing was written.");
        }
    }
}
