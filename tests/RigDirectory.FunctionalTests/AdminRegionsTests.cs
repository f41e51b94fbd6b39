using System.Net;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

public sealed class AdminRegionsTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    [Fact]
    public async Task Regions_AsStudent_AreForbidden()
    {
        using var client = factory.CreateClientAs("region-student", Roles.Student);

        using var response = await client.GetAsync("/admin/regions/canada-atlantic");

        Assert.Contains("/Identity/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_AddedByAnAdmin_AppearsOnTheRegionPage_AndCanBeRemoved()
    {
        using var admin = factory.CreateClientAs("region-admin", Roles.AcrAdmin);
        using var anonymous = factory.CreateNonRedirectingClient();
        await anonymous.GetStringAsync("/regions/canada-atlantic");

        using var added = await admin.SubmitFormAsync("/admin/regions/canada-atlantic", "#contact-form", new Dictionary<string, string>
        {
            ["Contact.Name"] = "Nora Scotia",
            ["Contact.Role"] = "Regional representative",
            ["Contact.Email"] = "nora.scotia@example.org",
        });
        var regionPage = await anonymous.GetStringAsync("/regions/canada-atlantic");
        var edit = await admin.GetDocumentAsync("/admin/regions/canada-atlantic");
        using var removed = await admin.SubmitFormAsync(edit, "#contacts form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("nora.scotia@example.org", regionPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain("nora.scotia@example.org", await anonymous.GetStringAsync("/regions/canada-atlantic"), StringComparison.Ordinal);
        Assert.Equal(2, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Region")));
    }

    [Fact]
    public async Task Contact_WithABadEmail_KeepsWhatWasTyped()
    {
        using var admin = factory.CreateClientAs("region-admin-2", Roles.AcrAdmin);

        using var response = await admin.SubmitFormAsync("/admin/regions/canada-ontario", "#contact-form", new Dictionary<string, string>
        {
            ["Contact.Name"] = "Olive Ontario",
            ["Contact.Email"] = "not an email",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal("Olive Ontario", page.QuerySelector("#Contact_Name")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Rename_IsShownInTheDirectory()
    {
        using var admin = factory.CreateClientAs("region-admin-3", Roles.AcrAdmin);
        using var anonymous = factory.CreateNonRedirectingClient();
        await anonymous.GetStringAsync("/");

        await admin.SubmitFormExpectingRedirectAsync("/admin/regions/canada-quebec", "#region-form", new Dictionary<string, string> { ["Region.Name"] = "Québec" });

        Assert.Contains(">Québec</a>", await anonymous.GetStringAsync("/"), StringComparison.Ordinal);
    }
}
