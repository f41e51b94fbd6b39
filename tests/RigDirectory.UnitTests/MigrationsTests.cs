using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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
    public void SqlServerMigrationScript_Generates()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Rigs]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [AspNetUsers]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Schools_Slug]", script, StringComparison.Ordinal);
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
