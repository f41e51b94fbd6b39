using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RigDirectory.Testing;
using RigDirectory.Web.Data;

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
