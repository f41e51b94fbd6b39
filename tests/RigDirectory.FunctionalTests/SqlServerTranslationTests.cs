using System.Net;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Testing;

namespace RigDirectory.FunctionalTests;

/// <summary>
/// Every functional test runs each of the app's queries through <see cref="SqlServerQueryProbe"/> as well: SQL
/// Server's translation and its T-SQL grammar. These tests show that the probe is on and that it fails when SQL
/// Server would.
/// </summary>
public sealed class SqlServerTranslationTests(DirectoryFactory factory) : IClassFixture<DirectoryFactory>
{
    [Fact]
    public async Task APageQuery_IsTranslatedForSqlServer_AndItsTSqlParsed()
    {
        using var client = factory.CreateNonRedirectingClient();

        using var response = await client.GetAsync("/rigs/boston-radiology-society");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // T-SQL, not SQLite's dialect: brackets, and TOP instead of LIMIT.
        Assert.Contains(SqlServerQueryProbe.Shared.Checked, sql =>
            sql.Contains("FROM [Rigs] AS [r]", StringComparison.Ordinal) && sql.Contains("[r].[Slug] = @", StringComparison.Ordinal) && sql.Contains("TOP(", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AQueryOnlySqliteCanRun_FailsTheRequestThatSendsIt()
    {
        // GLOB is SQLite's own: SQLite runs it, SQL Server has no translation, so the probe refuses it.
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.WithDbAsync(db =>
            db.Rigs.Where(r => EF.Functions.Glob(r.Name, "Harvard*")).Select(r => r.Id).ToListAsync()));

        Assert.StartsWith("SQL Server cannot run this query", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACapturedSubquery_IsMovedOntoTheSqlServerModel()
    {
        // A query built from another query held in a variable, as pages do with their filters.
        var ids = await factory.WithDbAsync(db =>
        {
            var approved = db.Rigs.Where(r => r.Status == Web.Domain.RigStatus.Approved).Select(r => r.SchoolId);
            return db.Schools.Where(s => approved.Contains(s.Id)).OrderBy(s => s.Id).Select(s => s.Slug).ToListAsync();
        });

        Assert.Contains("harvard-medical-school", ids);
        Assert.Contains(SqlServerQueryProbe.Shared.Checked, sql =>
            sql.Contains("FROM [Schools] AS [s]", StringComparison.Ordinal) && sql.Contains("FROM [Rigs] AS [r]", StringComparison.Ordinal));
    }
}
