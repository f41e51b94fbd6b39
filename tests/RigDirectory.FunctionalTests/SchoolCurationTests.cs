using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Data.Seed;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>Curators add, edit (previewed on the map), merge, retire, list and decline schools; the seed never undoes their edits.</summary>
public sealed class SchoolCurationTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    [Fact]
    public async Task Add_PreviewFirstSavesNothing_ThenTheSchoolIsListedOnItsPublicPage()
    {
        using var admin = factory.CreateClientAs("schools-admin", Roles.AcrAdmin);
        var fields = School("Kettering Test College of Medicine", "Dayton", "US-OH", "39.7589", "-84.1916");

        using var previewed = await admin.SubmitFormAsync("/admin/schools/new", "#school-form", With(fields, "preview"));
        var preview = await HtmlForms.ParseAsync(previewed);
        var savedByPreview = await factory.WithDbAsync(db => db.Schools.AnyAsync(s => s.Name == "Kettering Test College of Medicine"));
        await admin.SubmitFormAsync("/admin/schools/new", "#school-form", With(fields, "save")).AcceptedAsync();
        var slug = await factory.WithDbAsync(db => db.Schools.Where(s => s.Name == "Kettering Test College of Medicine").Select(s => s.Slug).SingleAsync());
        await factory.EvictDirectoryAsync();
        var page = await factory.CreateNonRedirectingClient().GetDocumentAsync($"/schools/{slug}");

        Assert.NotNull(preview.QuerySelector("#preview-marker"));
        Assert.Null(preview.QuerySelector("#outside-state"));
        Assert.False(savedByPreview);
        Assert.Contains("Kettering Test College of Medicine", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "School" && a.Action == AuditAction.SchoolAdded)));
    }

    [Fact]
    public async Task Preview_OfCoordinatesOutsideTheChosenState_SaysSo()
    {
        using var admin = factory.CreateClientAs("schools-admin", Roles.AcrAdmin);

        using var previewed = await admin.SubmitFormAsync("/admin/schools/new", "#school-form", With(School("Misplaced School of Medicine", "Providence", "US-RI", "41.82", "71.41"), "preview"));

        Assert.Equal(HttpStatusCode.BadRequest, previewed.StatusCode);
        Assert.Contains("longitude", (await HtmlForms.ParseAsync(previewed)).QuerySelector(".validation-summary-errors, [role=alert]")!.TextContent, StringComparison.OrdinalIgnoreCase);
        using var wrongState = await admin.SubmitFormAsync("/admin/schools/new", "#school-form", With(School("Misplaced School of Medicine", "Providence", "US-CA", "41.82", "-71.41"), "preview"));
        Assert.NotNull((await HtmlForms.ParseAsync(wrongState)).QuerySelector("#outside-state"));
    }

    [Fact]
    public async Task Edit_ClearsSeedManagement_SoReseedingKeepsTheCuratorsName()
    {
        using var admin = factory.CreateClientAs("schools-admin", Roles.AcrAdmin);
        var form = await admin.GetDocumentAsync("/admin/schools/uconn-som");

        await admin.SubmitFormAsync(form, "#school-form", new Dictionary<string, string> { ["Input.Name"] = "UConn School of Medicine (curated)", ["submit"] = "save" }).AcceptedAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }

        var school = await factory.WithDbAsync(db => db.Schools.Where(s => s.Slug == "uconn-som").Select(s => new { s.Name, s.IsSeedManaged, s.Latitude }).SingleAsync());
        Assert.Equal("UConn School of Medicine (curated)", school.Name);
        Assert.False(school.IsSeedManaged);
        Assert.Equal(41.7198, school.Latitude);
    }

    [Fact]
    public async Task Merge_MovesTheRigsToTheSchoolKept_AddsTheOldNameAsASynonym_AndRetiresTheOther()
    {
        var (rigId, slug, _, _) = await TestHosts.ApprovedRigAsync(factory, "yale-som");
        using var admin = factory.CreateClientAs("schools-admin", Roles.AcrAdmin);
        var form = await admin.GetDocumentAsync("/admin/schools/yale-som");

        await admin.SubmitFormAsync(form, "#merge-form", new Dictionary<string, string> { ["into"] = "quinnipiac-netter-som" }).AcceptedAsync();
        await factory.EvictDirectoryAsync();
        var profile = await factory.CreateNonRedirectingClient().GetDocumentAsync($"/rigs/{slug}");
        var (from, into) = await factory.WithDbAsync(async db => (
            await db.Schools.SingleAsync(s => s.Slug == "yale-som"),
            await db.Schools.SingleAsync(s => s.Slug == "quinnipiac-netter-som")));

        Assert.Equal(into.Id, await factory.WithDbAsync(db => db.Rigs.Where(r => r.Id == rigId).Select(r => r.SchoolId).SingleAsync()));
        Assert.Equal(SchoolStatus.Retired, from.Status);
        Assert.Contains("Yale School of Medicine", into.Synonyms, StringComparison.Ordinal);
        Assert.Contains(into.Name, profile.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.RigId == rigId && a.Action == AuditAction.SchoolMerged)));
    }

    [Fact]
    public async Task Retire_NeedsANote_ThenArchivesItsRigWithTheNote_AndEmailsTheLeaders()
    {
        var (rigId, slug, _, leader) = await TestHosts.ApprovedRigAsync(factory, "brown-alpert-ms");
        using var admin = factory.CreateClientAs("schools-admin", Roles.AcrAdmin);
        var form = await admin.GetDocumentAsync("/admin/schools/brown-alpert-ms");

        using var bare = await admin.SubmitFormAsync(form, "#retire-form", new Dictionary<string, string> { ["note"] = " " });
        await admin.SubmitFormAsync(form, "#retire-form", new Dictionary<string, string> { ["note"] = "The campus closed in 2026." }).AcceptedAsync();
        await factory.EvictDirectoryAsync();
        using var profile = await factory.CreateNonRedirectingClient().GetAsync($"/rigs/{slug}");

        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal(RigStatus.Archived, await factory.WithDbAsync(db => db.Rigs.Where(r => r.Id == rigId).Select(r => r.Status).SingleAsync()));
        Assert.Equal(SchoolStatus.Retired, await factory.WithDbAsync(db => db.Schools.Where(s => s.Slug == "brown-alpert-ms").Select(s => s.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, profile.StatusCode);
        Assert.Contains("The campus closed in 2026.", (await factory.SentEmailsAsync()).LastTo(leader.Email!).HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestedSchools_AreListedOnceTheirPlaceIsSet_OrDeclinedWithTheRegistrationSentBack()
    {
        var (declinedRig, leader) = await RequestedAsync("tufts-som", "Declined Test School of Medicine");
        var (listedRig, _) = await RequestedAsync("harvard-medical-school", "Listed Test School of Medicine");
        using var admin = factory.CreateClientAs("schools-admin", Roles.AcrAdmin);
        var slugs = await factory.WithDbAsync(db => db.Rigs.Where(r => r.Id == declinedRig || r.Id == listedRig).OrderBy(r => r.Id).Select(r => r.School!.Slug).ToListAsync());

        var queue = await admin.GetDocumentAsync("/admin/schools?status=Requested");
        await admin.SubmitFormAsync($"/admin/schools/{slugs[0]}", "#decline-form", new Dictionary<string, string> { ["note"] = "This is a campus of a listed school: choose Brown from the list." }).AcceptedAsync();
        await admin.SubmitFormAsync($"/admin/schools/{slugs[1]}", "#school-form", new Dictionary<string, string> { ["Input.Latitude"] = "41.5", ["Input.Longitude"] = "-71.5", ["submit"] = "list" }).AcceptedAsync();
        var declined = await factory.WithDbAsync(db => db.Rigs.Where(r => r.Id == declinedRig).Select(r => new { r.Status, r.ReviewStep, School = r.School!.Status }).SingleAsync());

        Assert.Equal(2, queue.QuerySelectorAll("#schools tbody tr").Length);
        Assert.Equal(RigStatus.ChangesRequested, declined.Status);
        Assert.Equal(RegistrationStep.School, declined.ReviewStep);
        Assert.Equal(SchoolStatus.Retired, declined.School);
        Assert.Contains("choose Brown from the list", (await factory.SentEmailsAsync()).LastTo(leader).HtmlBody, StringComparison.Ordinal);
        Assert.Equal(SchoolStatus.Listed, await factory.WithDbAsync(db => db.Schools.Where(s => s.Slug == slugs[1]).Select(s => s.Status).SingleAsync()));
    }

    /// <summary>A registration submitted at a school its leader asked to add.</summary>
    private async Task<(int RigId, string LeaderEmail)> RequestedAsync(string startedAt, string name)
    {
        var (id, leader) = await factory.CreateSubmittedRigAsync(startedAt, $"RIG at {name}", DateTime.UtcNow.AddDays(-1), password: "requested school leader password");
        await factory.WithDbAsync(async db =>
        {
            var school = new School { Slug = Web.Domain.SlugRules.From(name), Name = name, City = "Providence", JurisdictionCode = "US-RI", Status = SchoolStatus.Requested, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Schools.Add(school);
            await db.SaveChangesAsync();
            await db.Rigs.Where(r => r.Id == id).ExecuteUpdateAsync(r => r.SetProperty(x => x.SchoolId, school.Id));
        });
        return (id, leader.Email!);
    }

    private static Dictionary<string, string> School(string name, string city, string state, string latitude, string longitude) => new()
    {
        ["Input.Name"] = name,
        ["Input.City"] = city,
        ["Input.State"] = state,
        ["Input.Latitude"] = latitude,
        ["Input.Longitude"] = longitude,
    };

    private static Dictionary<string, string> With(Dictionary<string, string> fields, string submit) => new(fields) { ["submit"] = submit };
}
