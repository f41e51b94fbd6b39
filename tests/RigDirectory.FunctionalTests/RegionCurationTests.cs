using System.Net;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>Regions are data: curators create one, move states into it (the directory follows), and retire one left empty.</summary>
public sealed class RegionCurationTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    [Fact]
    public async Task CreateARegion_MoveAStateIntoIt_TheRegionPagesFollow_ThenRetireTheEmptiedOne()
    {
        using var admin = factory.CreateClientAs("regions-admin", Roles.AcrAdmin);
        using var anonymous = factory.CreateNonRedirectingClient();
        var oldRegion = await factory.WithDbAsync(db => db.Jurisdictions.Where(j => j.Code == "US-RI").Select(j => j.Region!.Slug).SingleAsync());
        await anonymous.GetStringAsync($"/regions/{oldRegion}");

        await admin.SubmitFormAsync("/admin/regions", "#new-region-form", new Dictionary<string, string> { ["NewRegion.Name"] = "Ocean State Test Region", ["NewRegion.Country"] = "US" }).AcceptedAsync();
        var slug = await factory.WithDbAsync(db => db.Regions.Where(r => r.Name == "Ocean State Test Region").Select(r => r.Slug).SingleAsync());
        await admin.SubmitFormAsync($"/admin/regions/{slug}", "#move-state-form", new Dictionary<string, string> { ["code"] = "US-RI" }).AcceptedAsync();
        var newPage = await anonymous.GetStringAsync($"/regions/{slug}");
        var oldPage = await anonymous.GetStringAsync($"/regions/{oldRegion}");

        Assert.Contains("Warren Alpert Medical School", newPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Warren Alpert Medical School", oldPage, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Region" && a.Action == AuditAction.StateMoved)));

        // A region with states is not retired; once they have moved away, it is, and disappears from the directory.
        var edit = await admin.GetDocumentAsync($"/admin/regions/{slug}");
        Assert.Null(edit.QuerySelector("#retire-region-form"));
        await admin.SubmitFormAsync($"/admin/regions/{oldRegion}", "#move-state-form", new Dictionary<string, string> { ["code"] = "US-RI" }).AcceptedAsync();
        await admin.SubmitFormAsync($"/admin/regions/{slug}", "#retire-region-form", new Dictionary<string, string>()).AcceptedAsync();
        using var retiredPage = await anonymous.GetAsync($"/regions/{slug}");
        var home = await anonymous.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.NotFound, retiredPage.StatusCode);
        Assert.DoesNotContain("Ocean State Test Region", home, StringComparison.Ordinal);
        Assert.Contains("(retired)", (await admin.GetDocumentAsync("/admin/regions")).QuerySelector("#regions")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retire_ARegionWithStates_IsRefused()
    {
        using var admin = factory.CreateClientAs("regions-admin", Roles.AcrAdmin);

        // The page offers no retire button here; a post made by hand, with the page's antiforgery token, is refused.
        var edit = await admin.GetDocumentAsync("/admin/regions/canada-atlantic");
        edit.QuerySelector("#move-state-form")!.SetAttribute("action", "/admin/regions/canada-atlantic/retire");
        using var response = await admin.SubmitFormAsync(edit, "#move-state-form", new Dictionary<string, string>());
        var page = await admin.GetDocumentAsync("/admin/regions/canada-atlantic");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Move its", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await factory.WithDbAsync(db => db.Regions.Where(r => r.Slug == "canada-atlantic").Select(r => r.RetiredAt).SingleAsync()));
    }
}
