using System.Net;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>An admin archives a RIG that closed (it leaves the directory, its school has no RIG again) and can restore it.</summary>
public sealed class ArchiveTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    private HttpClient Admin() => factory.CreateClientAs("archive-admin", Roles.AcrAdmin);

    private async Task<(int Id, string Leader)> ApprovedAsync(string schoolSlug, string slug)
    {
        var leader = await factory.CreateUserAsync($"leader.{slug}@example.org", "archive test password", emailConfirmed: true, Roles.RigLeader);
        var id = await factory.WithDbAsync(async db =>
        {
            var rig = await TestRigs.MakeAsync(db, slug, $"Closing RIG {slug}", schoolSlug, RigStatus.Approved, r =>
                r.Officers.Add(new RigOfficer { UserId = leader.Id, Position = "President", GraduationYear = 2028 }));
            db.Rigs.Add(rig);
            await db.SaveChangesAsync();
            return rig.Id;
        });
        await factory.EvictDirectoryAsync();
        return (id, leader.Email!);
    }

    private static Task<HttpResponseMessage> PostStatusAsync(HttpClient admin, int id, string note) =>
        admin.SubmitFormAsync($"/admin/reviews/{id}", "#status-form", new Dictionary<string, string> { ["Status.Note"] = note });

    [Fact]
    public async Task Archive_TakesTheRigOutOfTheDirectory_EmailsItsLeaders_AndRestoreBringsItBack()
    {
        var (id, leader) = await ApprovedAsync("unc-som", "closing-unc-rig");
        using var anonymous = factory.CreateNonRedirectingClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/rigs/closing-unc-rig")).StatusCode);
        using var admin = Admin();

        using var archived = await PostStatusAsync(admin, id, "The group stopped meeting in 2025; the school confirmed it.");

        Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/rigs/closing-unc-rig")).StatusCode);
        Assert.Contains("No RIG yet", await anonymous.GetStringAsync("/schools/unc-som"), StringComparison.Ordinal);
        Assert.Contains("was archived", (await factory.SentEmailsAsync()).LastTo(leader).Subject, StringComparison.Ordinal);
        var review = await admin.GetDocumentAsync($"/admin/reviews/{id}");
        Assert.Contains("Archived", review.QuerySelector("#history")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("stopped meeting", review.QuerySelector("#history")!.TextContent, StringComparison.Ordinal);

        using var restored = await PostStatusAsync(admin, id, "");

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/rigs/closing-unc-rig")).StatusCode);
        Assert.Equal([AuditAction.Archived, AuditAction.Restored], await factory.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.RigId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task Archive_WithoutANote_IsRefusedAndChangesNothing()
    {
        var (id, _) = await ApprovedAsync("duke-som", "closing-duke-rig");
        using var admin = Admin();

        using var response = await PostStatusAsync(admin, id, "  ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("Write a note", page.QuerySelector("#status-form")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RigStatus.Approved, await factory.WithDbAsync(db => db.Rigs.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Restore_WhenTheSchoolHasAnotherRigByNow_IsRefused()
    {
        var (id, _) = await ApprovedAsync("wake-forest-som-winston-salem", "closing-wake-rig");
        using var admin = Admin();
        using var archived = await PostStatusAsync(admin, id, "Closed.");
        Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
        await factory.WithDbAsync(async db =>
        {
            db.Rigs.Add(await TestRigs.MakeAsync(db, "new-wake-rig", "New Wake RIG", "wake-forest-som-winston-salem", RigStatus.Submitted));
            await db.SaveChangesAsync();
        });

        using var restored = await PostStatusAsync(admin, id, "");

        Assert.Equal(HttpStatusCode.BadRequest, restored.StatusCode);
        Assert.Contains("has another RIG now", await restored.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(RigStatus.Archived, await factory.WithDbAsync(db => db.Rigs.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Archive_AsRigLeader_IsForbidden()
    {
        var (id, _) = await ApprovedAsync("ecu-brody-som", "closing-ecu-rig");
        using var leader = factory.CreateClientAs("archive-leader", Roles.RigLeader);

        using var response = await leader.PostAsync($"/admin/reviews/{id}/archive", new FormUrlEncodedContent(new Dictionary<string, string> { ["Status.Note"] = "x" }));

        Assert.Contains("/Identity/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(RigStatus.Approved, await factory.WithDbAsync(db => db.Rigs.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }
}
