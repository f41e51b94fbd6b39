using System.Net;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>Admins find any change by RIG, user, action and date, see it before and after, and revert a field of a RIG's profile.</summary>
public sealed class AuditBrowserTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    private const string Original = "https://original.example.org/";

    [Fact]
    public async Task Revert_AFieldALeaderChanged_PutsItBack_IsItselfAudited_AndTheProfileShowsIt()
    {
        var (id, slug, leader) = await RigWithWebsiteAsync("brown-alpert-ms");
        using var admin = factory.CreateClientAs("audit-admin", Roles.AcrAdmin);
        await EditAsync(leader, id, "https://vandal.example.org/");

        var log = await admin.GetDocumentAsync($"/admin/audit?rig={slug}&action=Edited");
        var entryLink = log.QuerySelector("#audit tbody tr a")!.GetAttribute("href")!;
        var entry = await admin.GetDocumentAsync(entryLink);
        var website = entry.QuerySelectorAll("#changes tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Website");
        await admin.SubmitFormAsync(entry, "#changes tbody tr:has(input[value=Website]) form", new Dictionary<string, string>()).AcceptedAsync();
        await factory.EvictDirectoryAsync();
        var profile = await factory.CreateNonRedirectingClient().GetStringAsync($"/rigs/{slug}");
        var reverted = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.RigId == id && a.Action == AuditAction.Reverted).Select(a => new { a.UserId, a.Changes, a.Note }).SingleAsync());

        Assert.Contains("https://vandal.example.org/", website.TextContent, StringComparison.Ordinal);
        Assert.Equal(Original, await WebsiteAsync(id));
        Assert.Contains(Original, profile, StringComparison.Ordinal);
        Assert.DoesNotContain("vandal", profile, StringComparison.Ordinal);
        Assert.Equal("audit-admin", reverted.UserId);
        Assert.Equal("Website: https://vandal.example.org/ → " + Original, AuditChanges.Parse(reverted.Changes).ToString());
        Assert.StartsWith("Reverted Website of entry #", reverted.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEntry_NamesItsFieldsInWords_NotAsTheCodeCallsThem()
    {
        var (id, slug, leader) = await RigWithWebsiteAsync("dartmouth-geisel-som");
        using var admin = factory.CreateClientAs("audit-admin", Roles.AcrAdmin);
        await leader.SubmitFormAsync($"/my/rigs/{id}/edit", "#edit-form", new Dictionary<string, string> { ["Input.HowToGetInvolved"] = "Come to the first talk of the term." }).AcceptedAsync();

        var log = await admin.GetDocumentAsync($"/admin/audit?rig={slug}&action=Edited");
        var entry = await admin.GetDocumentAsync(log.QuerySelector("#audit tbody tr a")!.GetAttribute("href")!);

        Assert.Contains("How to get involved", entry.QuerySelectorAll("#changes tbody th").Select(th => th.TextContent), StringComparer.Ordinal);
        Assert.Contains(entry.QuerySelectorAll("#changes button"), b => b.TextContent.StartsWith("Revert How to get involved", StringComparison.Ordinal));
        Assert.DoesNotContain("HowToGetInvolved", entry.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revert_WhenTheFieldChangedAgainSince_IsRefused_AndChangesNothing()
    {
        var (id, _, leader) = await RigWithWebsiteAsync("yale-som");
        using var admin = factory.CreateClientAs("audit-admin", Roles.AcrAdmin);
        await EditAsync(leader, id, "https://second.example.org/");
        var firstEdit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.RigId == id && a.Action == AuditAction.Edited).Select(a => a.Id).SingleAsync());
        await EditAsync(leader, id, "https://third.example.org/");

        var entry = await admin.GetDocumentAsync($"/admin/audit/{firstEdit}");
        using var refused = await admin.SubmitFormAsync(entry, "#changes tbody tr:has(input[value=Website]) form", new Dictionary<string, string>());
        var page = await admin.GetDocumentAsync($"/admin/audit/{firstEdit}");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("has changed again since", page.QuerySelector("[role=status], .alert")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://third.example.org/", await WebsiteAsync(id));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.RigId == id && a.Action == AuditAction.Reverted)));
    }

    [Fact]
    public async Task Log_FiltersByRigUserActionAndDate()
    {
        var (id, slug, leader) = await RigWithWebsiteAsync("uconn-som");
        var (_, otherSlug, otherLeader) = await RigWithWebsiteAsync("tufts-som");
        await EditAsync(leader, id, "https://filtered.example.org/");
        var otherId = await factory.WithDbAsync(db => db.Rigs.Where(r => r.Slug == otherSlug).Select(r => r.Id).SingleAsync());
        await EditAsync(otherLeader, otherId, "https://other.example.org/");
        var leaderEmail = await factory.WithDbAsync(db => db.RigOfficers.Where(o => o.RigId == id).Select(o => o.User!.Email!).SingleAsync());
        using var admin = factory.CreateClientAs("audit-admin", Roles.AcrAdmin);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var byRig = await admin.GetDocumentAsync($"/admin/audit?rig={slug}");
        var byUser = await admin.GetDocumentAsync($"/admin/audit?user={Uri.EscapeDataString(leaderEmail)}&action=Edited");
        var byDate = await admin.GetDocumentAsync($"/admin/audit?rig={slug}&from=2020-01-01&to=2020-12-31");
        var byToday = await admin.GetDocumentAsync($"/admin/audit?rig={slug}&from={today}&to={today}");

        Assert.All(byRig.QuerySelectorAll("#audit tbody tr"), r => Assert.Contains("RIG at uconn-som", r.TextContent, StringComparison.Ordinal));
        Assert.Contains("filtered.example.org", byRig.QuerySelector("#audit")!.TextContent, StringComparison.Ordinal);
        Assert.Single(byUser.QuerySelectorAll("#audit tbody tr"));
        Assert.Contains("filtered.example.org", byUser.QuerySelector("#audit")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(byDate.QuerySelector("#no-entries"));
        Assert.NotNull(byToday.QuerySelector("#audit"));
    }

    [Fact]
    public async Task Log_PagesOf50_TheOlderLinkKeepsTheFilters()
    {
        var (id, slug, _) = await RigWithWebsiteAsync("harvard-medical-school");
        await factory.WithDbAsync(async db =>
        {
            db.AuditEntries.AddRange(Enumerable.Range(0, 55).Select(i => new AuditEntry
            {
                EntityType = nameof(Rig),
                EntityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                RigId = id,
                Action = AuditAction.Edited,
                OccurredAt = DateTime.UtcNow.AddMinutes(-i),
                Changes = AuditChanges.Of("FoundedYear", null, (1950 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).Serialize(),
            }));
            await db.SaveChangesAsync();
        });
        using var admin = factory.CreateClientAs("audit-admin", Roles.AcrAdmin);

        var first = await admin.GetDocumentAsync($"/admin/audit?rig={slug}&action=Edited");
        var older = first.QuerySelector("#older")!.GetAttribute("href")!;
        var second = await admin.GetDocumentAsync(older);

        Assert.Equal(50, first.QuerySelectorAll("#audit tbody tr").Length);
        Assert.Contains("action=Edited", older, StringComparison.Ordinal);
        Assert.Contains($"rig={slug}", older, StringComparison.Ordinal);
        Assert.Equal(5, second.QuerySelectorAll("#audit tbody tr").Length);
    }

    private async Task<(int Id, string Slug, HttpClient Leader)> RigWithWebsiteAsync(string school)
    {
        var (id, slug, leader, _) = await TestHosts.ApprovedRigAsync(factory, school);
        await factory.WithDbAsync(db => db.Rigs.Where(r => r.Id == id).ExecuteUpdateAsync(r => r.SetProperty(x => x.Website, Original).SetProperty(x => x.ContactEmail, "rig@example.org").SetProperty(x => x.Description, "A group for students who like imaging.")));
        await factory.EvictDirectoryAsync();
        return (id, slug, leader);
    }

    private static Task EditAsync(HttpClient leader, int id, string website) =>
        leader.SubmitFormAsync($"/my/rigs/{id}/edit", "#edit-form", new Dictionary<string, string> { ["Input.Website"] = website }).AcceptedAsync();

    private Task<string?> WebsiteAsync(int id) => factory.WithDbAsync(db => db.Rigs.Where(r => r.Id == id).Select(r => r.Website).SingleAsync());
}
