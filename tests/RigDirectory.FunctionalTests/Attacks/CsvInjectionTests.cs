using System.Net;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests.Attacks;

/// <summary>
/// Threat: a leader plants a spreadsheet formula in a field that the public CSV export carries, and it runs on the
/// machine of whoever opens the export. Controls: one strict email syntax, and formula-leading cells escaped.
/// </summary>
public sealed class CsvInjectionTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")@evil.example")]
    [InlineData("=cmd@evil.example")]
    [InlineData("+1@evil.example")]
    [InlineData("leader@evil")]
    [InlineData("two@@evil.example")]
    public async Task LeaderEdit_FormulaOrMalformedContactEmail_IsRefusedAndNothingChanges(string email)
    {
        var leader = await factory.CreateUserAsync($"csv.{Guid.NewGuid():N}@example.org", "csv injection password", emailConfirmed: true, Roles.RigLeader);
        var slug = $"csv-{Guid.NewGuid():N}";
        var id = await factory.WithDbAsync(async db =>
        {
            var rig = await TestRigs.MakeAsync(db, slug, "Formula Test RIG", await TestRigs.FreeSchoolAsync(db), RigStatus.Approved, r =>
            {
                r.ContactEmail = "contact@unm.example.edu";
                r.ContactVisibility = ContactVisibility.Public;
                r.Officers.Add(new RigOfficer { UserId = leader.Id, Position = "President", GraduationYear = 2028 });
            });
            db.Rigs.Add(rig);
            await db.SaveChangesAsync();
            return rig.Id;
        });
        using var client = factory.CreateClientAs(leader.Id, Roles.RigLeader);

        using var response = await client.SubmitFormAsync($"/my/rigs/{id}/edit", "#edit-form", new Dictionary<string, string> { ["Input.ContactEmail"] = email });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains(EmailAddressRules.Message, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(email, page.QuerySelector("#Input_ContactEmail")!.GetAttribute("value"));
        Assert.Equal("contact@unm.example.edu", await factory.WithDbAsync(db => Task.FromResult(db.Rigs.Single(r => r.Id == id).ContactEmail)));
    }

    [Fact]
    public async Task PublicCsv_CellsStartingWithAFormulaCharacter_AreEscaped()
    {
        await factory.WithDbAsync(async db =>
        {
            db.Rigs.Add(await TestRigs.MakeAsync(db, "formula-name-rig", "=2+3 Radiology", "unlv-kerkorian-som", RigStatus.Approved, r => r.Website = null));
            db.Rigs.Add(await TestRigs.MakeAsync(db, "minus-name-rig", "-SUM(A1) Radiology", "roseman-com", RigStatus.Approved));
            await db.SaveChangesAsync();
        });
        await factory.EvictDirectoryAsync();
        using var client = factory.CreateNonRedirectingClient();

        var csv = await client.GetStringAsync("/rigs.csv");

        Assert.Contains("\"'=2+3 Radiology\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"'-SUM(A1) Radiology\"", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=2+3", csv, StringComparison.Ordinal);
    }
}
