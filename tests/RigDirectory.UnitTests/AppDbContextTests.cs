using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.UnitTests;

public sealed class AppDbContextTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public AppDbContextTests() => _connection.Open();

    private SqliteAppDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        options.UseAppSqlite(_connection);
        return new SqliteAppDbContext(options.Options);
    }

    private async Task<int> AddRigAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
        var region = new Region { Slug = "r", Name = "R" };
        db.Jurisdictions.Add(new Jurisdiction { Code = "US-IL", PostalCode = "IL", Name = "Illinois", Region = region });
        var school = new School { Slug = "s", Name = "S", City = "C", JurisdictionCode = "US-IL" };
        var rig = new Rig { Slug = "rig", Name = "RIG", School = school, CreatedAt = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc) };
        db.Rigs.Add(rig);
        await db.SaveChangesAsync();
        return rig.Id;
    }

    [Fact]
    public async Task SaveChanges_ModifiedRig_BumpsItsVersion()
    {
        var id = await AddRigAsync();
        await using var db = NewContext();
        var rig = await db.Rigs.SingleAsync(r => r.Id == id);

        rig.Name = "Renamed";
        await db.SaveChangesAsync();

        Assert.Equal(1, rig.Version);
    }

    [Fact]
    public async Task SaveChanges_StaleCopy_IsRefused()
    {
        var id = await AddRigAsync();
        await using var first = NewContext();
        await using var second = NewContext();
        var mine = await first.Rigs.SingleAsync(r => r.Id == id);
        var theirs = await second.Rigs.SingleAsync(r => r.Id == id);

        theirs.Name = "Theirs";
        await second.SaveChangesAsync();
        mine.Name = "Mine";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());
    }

    [Fact]
    public async Task Timestamps_ComeBackAsUtc()
    {
        var id = await AddRigAsync();
        await using var db = NewContext();

        var rig = await db.Rigs.AsNoTracking().SingleAsync(r => r.Id == id);

        Assert.Equal(DateTimeKind.Utc, rig.CreatedAt.Kind);
        Assert.Equal(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), rig.CreatedAt);
    }

    public void Dispose() => _connection.Dispose();
}
