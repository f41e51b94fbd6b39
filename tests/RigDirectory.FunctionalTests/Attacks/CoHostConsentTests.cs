using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;

namespace RigDirectory.FunctionalTests.Attacks;

/// <summary>
/// Finding 4: a leader named any approved RIG as co-host of their event (<c>CoHostRigs=…</c>) and the event showed on
/// that RIG's profile and calendar feed without its consent, and its leaders could not take it off. Now the named
/// RIG's leaders are asked, the event shows there only once they accept, and they can decline or stop.
/// </summary>
public sealed class CoHostConsentTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    private async Task<(int Id, string Slug, HttpClient Leader)> RigAsync(string name)
    {
        var school = await factory.WithDbAsync(TestRigs.FreeSchoolAsync);
        var (id, slug, leader, _) = await TestHosts.ApprovedRigAsync(factory, school, name);
        return (id, slug, leader);
    }

    private async Task<int> EventNamingAsync(HttpClient host, int hostId, string title, string coHost)
    {
        var starts = factory.Clock.GetUtcNow().UtcDateTime.AddDays(20).Date.AddHours(18);
        await host.SubmitFormAsync($"/my/rigs/{hostId}/events/new", "#event-form", EventsTests.Workshop(
            ("Input.Title", title),
            ("Input.Starts", starts.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)),
            ("Input.Ends", starts.AddHours(1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)),
            ("Input.CoHostRigs", coHost))).AcceptedAsync();
        return await factory.WithDbAsync(db => db.Events.Where(e => e.Title == title).Select(e => e.Id).SingleAsync());
    }

    private async Task<(bool OnProfile, bool InFeed, bool OnEventPage)> ShownAsync(string slug, string name, int eventId, string title)
    {
        using var anonymous = factory.CreateClient();
        return (
            (await anonymous.GetStringAsync($"/rigs/{slug}")).Contains(title, StringComparison.Ordinal),
            (await anonymous.GetStringAsync($"/rigs/{slug}/events.ics")).Contains(title, StringComparison.Ordinal),
            (await anonymous.GetDocumentAsync($"/events/{eventId}")).QuerySelectorAll("a").Any(a => a.TextContent == name));
    }

    [Fact]
    public async Task ARigNamedAsCoHost_ShowsTheEventOnlyOnceItsLeadersAccept_AndCanStopAgain()
    {
        var (hostId, _, host) = await RigAsync("Pushy Host RIG");
        var (namedId, namedSlug, named) = await RigAsync("Named Without Asking RIG");
        const string title = "Spam lecture on another calendar";

        var eventId = await EventNamingAsync(host, hostId, title, "Named Without Asking RIG");

        Assert.Equal((false, false, false), await ShownAsync(namedSlug, "Named Without Asking RIG", eventId, title));
        var myRigs = await named.GetDocumentAsync("/my/rigs");
        Assert.Contains("1 co-hosting invitation", myRigs.Body!.TextContent, StringComparison.Ordinal);
        var invitations = await named.GetDocumentAsync($"/my/rigs/{namedId}/events");
        Assert.Contains("Waiting for your answer", invitations.QuerySelector("#co-hosting")!.TextContent, StringComparison.Ordinal);

        await named.SubmitFormAsync(invitations, $"form[action='/my/rigs/{namedId}/events/co-hosting/{eventId}/accept']", new Dictionary<string, string>()).AcceptedAsync();

        Assert.Equal((true, true, true), await ShownAsync(namedSlug, "Named Without Asking RIG", eventId, title));

        var accepted = await named.GetDocumentAsync($"/my/rigs/{namedId}/events");
        Assert.Contains("Stop co-hosting", accepted.QuerySelector("#co-hosting")!.TextContent, StringComparison.Ordinal);
        await named.SubmitFormAsync(accepted, $"form[action='/my/rigs/{namedId}/events/co-hosting/{eventId}/decline']", new Dictionary<string, string>()).AcceptedAsync();

        Assert.Equal((false, false, false), await ShownAsync(namedSlug, "Named Without Asking RIG", eventId, title));
        Assert.False(await factory.WithDbAsync(db => db.Set<EventCoHost>().AnyAsync(c => c.EventId == eventId)));
        var answers = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == eventId.ToString(CultureInfo.InvariantCulture) && a.EntityType == "Event").Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditAction.EventCoHostAccepted, answers);
        Assert.Contains(AuditAction.EventCoHostDeclined, answers);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url)
    {
        var token = (await client.GetDocumentAsync("/my/rigs")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    [Fact]
    public async Task OnlyTheNamedRigsLeaders_MayAnswer()
    {
        var (hostId, _, host) = await RigAsync("Answering Host RIG");
        var (namedId, namedSlug, _) = await RigAsync("Answered For RIG");
        var (otherId, _, other) = await RigAsync("Meddling RIG");
        const string title = "Who may accept for a RIG";
        var eventId = await EventNamingAsync(host, hostId, title, "Answered For RIG");

        using var forNamed = await PostAsync(other, $"/my/rigs/{namedId}/events/co-hosting/{eventId}/accept");
        using var byHost = await PostAsync(host, $"/my/rigs/{namedId}/events/co-hosting/{eventId}/accept");
        using var asOwnRig = await PostAsync(other, $"/my/rigs/{otherId}/events/co-hosting/{eventId}/accept");

        Assert.Contains("/Identity/Account/AccessDenied", forNamed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("/Identity/Account/AccessDenied", byHost.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal($"/my/rigs/{otherId}/events", asOwnRig.Headers.Location!.OriginalString);
        Assert.Null(await factory.WithDbAsync(db => db.Set<EventCoHost>().Where(c => c.EventId == eventId).Select(c => c.AcceptedAt).SingleAsync()));
        Assert.False(await factory.WithDbAsync(db => db.Set<EventCoHost>().AnyAsync(c => c.EventId == eventId && c.RigId == otherId)));
        Assert.Equal((false, false, false), await ShownAsync(namedSlug, "Answered For RIG", eventId, title));
    }
}
