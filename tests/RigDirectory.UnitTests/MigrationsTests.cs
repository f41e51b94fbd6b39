using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RigDirectory.Testing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Data.Seed;

namespace RigDirectory.UnitTests;

/// <summary>Each provider keeps its own migrations; both must match the model exactly.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqliteAppDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void SqlServerMigrations_MatchTheModel()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqlServerAppDbContext --output-dir Data/Migrations/SqlServer");
    }

    [Fact]
    public void SqlServerMigrationScript_ParsesWithSqlServer2022Grammar()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        // The idempotent script is what an operator runs (or the app applies) against a database at any point in
        // the history, so every migration, including each one added later, is parsed here.
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Empty(SqlServerGrammar.Errors(script));
        Assert.Contains("CREATE TABLE [Rigs]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Schools_Slug]", script, StringComparison.Ordinal);
        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains($"N'{migration}'", script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SqlServerGrammar_RefusesWhatSqlServerWouldRefuse()
    {
        // SQLite's dialect, which the SQL Server parser must not accept: the check above can fail.
        Assert.NotEmpty(SqlServerGrammar.Errors("CREATE TABLE \"Rigs\" (\"Id\" INTEGER PRIMARY KEY AUTOINCREMENT);"));
        Assert.NotEmpty(SqlServerGrammar.Errors("SELECT * FROM [Rigs] LIMIT 10;"));
        Assert.Empty(SqlServerGrammar.Errors("SELECT TOP(10) * FROM [Rigs];\nGO\nSELECT 1;"));
    }

    [Fact]
    public void EachProvider_HasOneBaselineMigration()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);

        // Squashed before the first release; from then on migrations are kept, so raise this with the first one.
        Assert.Single(sqlite.Database.GetMigrations());
        Assert.Single(sqlServer.Database.GetMigrations());
    }

    [Fact]
    public void ADatabaseFromBeforeTheSquash_IsRefusedWithHowToDeleteIt()
    {
        var error = Assert.Throws<StaleDatabaseException>(() => StaleDatabase.ThrowIfUnknown(
            ["20261128004041_Initial", "20261128014200_RegistrationProgress"], ["20261207173933_Initial"], "/repo/App_Data/rigdirectory.db"));

        Assert.Contains("rm '/repo/App_Data/rigdirectory.db'*", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 migration(s)", error.Message, StringComparison.Ordinal);
        StaleDatabase.ThrowIfUnknown(["20261207173933_Initial"], ["20261207173933_Initial"], "/repo/App_Data/rigdirectory.db");
        StaleDatabase.ThrowIfUnknown([], ["20261207173933_Initial"], null);
    }

    [Fact]
    public void EachProvider_HasItsOwnMigrations()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var sqlServerMigrations = sqlServer.Database.GetMigrations().ToList();

        Assert.NotEmpty(sqliteMigrations);
        Assert.NotEmpty(sqlServerMigrations);
        Assert.Empty(sqliteMigrations.Intersect(sqlServerMigrations));
    }
}
