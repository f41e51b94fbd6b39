using System.Net;
using AngleSharp.Dom;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>RIG events and ACR conferences over HTTP: who may run them, what they publish, registration and the waitlist, and where the join link may appear.</summary>
public sealed class EventsTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    private const string Admin = "events-admin";
    private const string JoinUrl = "https://meet.example.org/rig-secret-room";

    /// <summary>A complete event form (a hybrid workshop on Dec 10, 2026, 6–7:30 pm in Chicago), with <paramref name="changes"/> on top.</summary>
    internal static Dictionary<string, string> Workshop(params (string Field, string Value)[] changes)
    {
        var values = new Dictionary<string, string>
        {
            ["Input.Title"] = "Ultrasound workshop: the FAST exam",
            ["Input.Type"] = "Workshop",
            ["Input.Description"] = "Hands-on scanning with the residents.",
            ["Input.Starts"] = "2026-12-10T18:00",
            ["Input.Ends"] = "2026-12-10T19:30",
            ["Input.TimeZoneId"] = "America/Chicago",
            ["Input.Format"] = "Hybrid",
            ["Input.Location"] = "Simulation centre, room 2",
            ["Input.JoinUrl"] = JoinUrl,
            ["Input.Audience"] = "AllStudents",
            ["Input.Capacity"] = "",
            ["Input.CoHostGroup"] = "the EM Interest Group",
        };
        foreach (var (field, value) in changes)
        {
            values[field] = value;
        }

        return values;
    }

    private static Dictionary<string, string> Conference(int seats) => new()
    {
        ["Input.Title"] = "National virtual networking conference",
        ["Input.Description"] = "Meet radiologists from every subspecialty in small breakout rooms.",
        ["Input.Starts"] = "2027-01-20T19:00",
        ["Input.Ends"] = "2027-01-20T21:00",
        ["Input.TimeZoneId"] = "America/New_York",
        ["Input.JoinUrl"] = "https://meet.example.org/acr-conference",
        ["Input.Capacity"] = seats.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.RegistrationOpens"] = "",
        ["Input.RegistrationCloses"] = "2027-01-20T18:00",
        ["Input.Sessions[0].Title"] = "Welcome and how the evening works",
        ["Input.Sessions[0].Speakers"] = "ACR MSS chair",
        ["Input.Sessions[0].Starts"] = "2027-01-20T19:00",
        ["Input.Sessions[0].Ends"] = "2027-01-20T19:15",
    };

    /// <summary>Refused as forbidden: sent to the access-denied page, nothing done.</summary>
    private static async Task ForbiddenAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Posts <paramref name="values"/> to <paramref name="url"/> with the antiforgery token of a page the client may open.</summary>
    private static async Task<HttpResponseMessage> PostAsAsync(HttpClient client, string ownPage, string url, Dictionary<string, string> values)
    {
        var page = await client.GetDocumentAsync(ownPage);
        values["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    private Task<int> LatestEventIdAsync() => factory.WithDbAsync(db => db.Events.OrderByDescending(e => e.Id).Select(e => e.Id).FirstAsync());

    private Task<RegistrationStatus> StatusOfAsync(int eventId, string userId) =>
        factory.WithDbAsync(db => db.EventRegistrations.Where(r => r.EventId == eventId && r.UserId == userId).Select(r => r.Status).SingleAsync());

    private Task<int> CreateConferenceAsync(int seats) => CreateConferenceAsync(factory, seats);

    /// <summary>An ACR conference on Jan 20, 2027, 7–9 pm Eastern, registration closing at 6 pm, made through the admin's form.</summary>
    internal static async Task<int> CreateConferenceAsync(RigDirectoryFactory factory, int seats)
    {
        using var admin = factory.CreateClientAs(Admin, Roles.AcrAdmin);
        await admin.SubmitFormAsync("/admin/events/new", "#event-form", Conference(seats)).AcceptedAsync();
        return await factory.WithDbAsync(db => db.Events.OrderByDescending(e => e.Id).Select(e => e.Id).FirstAsync());
    }

    [Fact]
    public async Task Leader_AddsAHybridWorkshop_ItIsPublishedEverywhere_InItsZone_WithoutTheJoinLink()
    {
        var (rigId, slug, leader, _) = await TestHosts.ApprovedRigAsync(factory, "rush-medical-college", "Rush Radiology Society");

        await leader.SubmitFormAsync($"/my/rigs/{rigId}/events/new", "#event-form", Workshop()).AcceptedAsync();

        var saved = await factory.WithDbAsync(db => db.Events.SingleAsync(e => e.RigId == rigId));
        Assert.Equal(new DateTime(2026, 12, 11, 0, 0, 0, DateTimeKind.Utc), saved.StartsAt);
        Assert.Equal("America/Chicago", saved.TimeZoneId);
        Assert.Equal(new DateOnly(2026, 12, 10), saved.StartsOn);
        using var anonymous = factory.CreateNonRedirectingClient();
        foreach (var url in new[] { "/events", "/events?online=true", $"/rigs/{slug}", $"/events/{saved.Id}", "/schools/rush-medical-college" })
        {
            var html = await (await anonymous.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.Contains("Ultrasound workshop: the FAST exam", html, StringComparison.Ordinal);
            Assert.DoesNotContain(JoinUrl, html, StringComparison.Ordinal);
        }

        var page = await anonymous.GetDocumentAsync($"/events/{saved.Id}");
        Assert.Contains("Thu, Dec 10, 2026, 6:00 PM – 7:30 PM Central Standard Time", page.QuerySelector("#event-when")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("with the EM Interest Group", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("meta[property='og:title'][content*='Ultrasound workshop']"));
        var inPersonOnly = await anonymous.GetDocumentAsync("/events?online=true&type=Talk");
        Assert.DoesNotContain("Ultrasound workshop", inPersonOnly.Body!.TextContent, StringComparison.Ordinal);

        var region = await factory.WithDbAsync(db => db.Schools.Where(s => s.Slug == "rush-medical-college").Select(s => s.Jurisdiction!.Region!.Slug).SingleAsync());
        foreach (var feed in new[] { $"/events/{saved.Id}/calendar.ics", $"/rigs/{slug}/events.ics", $"/regions/{region}/events.ics" })
        {
            using var response = await anonymous.GetAsync(feed);
            Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(JoinUrl, text, StringComparison.Ordinal);
            var calendar = Calendar.Load(text)!;
            var e = Assert.Single(calendar.Events, x => x.Summary == "Ultrasound workshop: the FAST exam");
            Assert.Equal("America/Chicago", e.DtStart!.TzId);
            Assert.Equal(new DateTime(2026, 12, 11, 0, 0, 0, DateTimeKind.Utc), e.DtStart.AsUtc);
            Assert.Contains(calendar.TimeZones, z => z.TzId == "America/Chicago");
            Assert.Equal($"event-{saved.Id}@localhost", e.Uid);
        }

        var api = await (await anonymous.GetAsync($"/api/rigs/{slug}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(JoinUrl, api, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheRigsLeaders_RunItsEvents()
    {
        var (rigId, _, leader, _) = await TestHosts.ApprovedRigAsync(factory, "uw-som");
        var (otherRigId, _, otherLeader, _) = await TestHosts.ApprovedRigAsync(factory, "ohsu-som");
        var (student, _) = await TestHosts.StudentAsync(factory, "curious.student");
        await leader.SubmitFormAsync($"/my/rigs/{rigId}/events/new", "#event-form", Workshop()).AcceptedAsync();
        var eventId = await LatestEventIdAsync();

        await ForbiddenAsync(otherLeader.GetAsync($"/my/rigs/{rigId}/events/new"));
        await ForbiddenAsync(student.GetAsync($"/my/rigs/{rigId}/events/{eventId}/edit"));
        // Posted with their own valid antiforgery tokens, as a page of their own gives them.
        await ForbiddenAsync(PostAsAsync(otherLeader, $"/my/rigs/{otherRigId}/events/new", $"/my/rigs/{rigId}/events/{eventId}/edit", Workshop(("Input.Title", "Hijacked"))));
        await ForbiddenAsync(PostAsAsync(student, "/my/events", $"/my/rigs/{rigId}/events/{eventId}/cancel", []));
        await ForbiddenAsync(student.GetAsync($"/my/rigs/{rigId}/events/{eventId}/attendees.csv"));
        Assert.Equal("Ultrasound workshop: the FAST exam", await factory.WithDbAsync(db => db.Events.Where(e => e.Id == eventId).Select(e => e.Title).SingleAsync()));

        // ACR's pages are for admins only.
        await ForbiddenAsync(leader.GetAsync("/admin/events/new"));
        await ForbiddenAsync(student.PostAsync($"/admin/events/{eventId}/hide", new FormUrlEncodedContent([])));
    }

    [Theory]
    [InlineData("iowa-carver-com", "Input.Ends", "2026-12-10T17:00", "must end after it starts")]
    [InlineData("ku-som-kansas-city", "Input.Starts", "2027-03-14T02:30", "does not exist")]
    [InlineData("penn-perelman-som", "Input.Starts", "2026-11-01T18:00", "has passed")]
    [InlineData("jefferson-kimmel-mc", "Input.JoinUrl", "javascript:alert(1)", "starting with https://")]
    [InlineData("utah-eccles-som", "Input.Location", "", "Say where the event is")]
    [InlineData("uw-smph", "Input.TimeZoneId", "Europe/Paris", "time zone from the list")]
    [InlineData("penn-state-com-hershey", "Input.Capacity", "0", "number of seats")]
    public async Task BadInput_ComesBackWithAPlainMessage_AndWhatWasTyped(string school, string field, string value, string message)
    {
        var (rigId, _, leader, _) = await TestHosts.ApprovedRigAsync(factory, school);
        var values = Workshop((field, value));
        if (field == "Input.Starts" && value.StartsWith("2027-03-14", StringComparison.Ordinal))
        {
            values["Input.Ends"] = "2027-03-14T04:00";
            values["Input.TimeZoneId"] = "America/New_York";
        }
        else if (field == "Input.Starts")
        {
            values["Input.Ends"] = "2026-11-01T19:00";
        }

        using var response = await leader.SubmitFormAsync($"/my/rigs/{rigId}/events/new", "#event-form", values);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Ultrasound workshop: the FAST exam", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Title")!.Value);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Events.CountAsync(e => e.RigId == rigId)));
    }

    [Fact]
    public async Task Conference_TwoSeats_ThirdIsWaitlisted_ACancellationMovesThemIn_AndOnlySeatHoldersSeeTheLink()
    {
        var id = await CreateConferenceAsync(seats: 2);
        var (first, _) = await TestHosts.StudentAsync(factory, "conf.first");
        var (second, secondUser) = await TestHosts.StudentAsync(factory, "conf.second");
        var (third, thirdUser) = await TestHosts.StudentAsync(factory, "conf.third");

        foreach (var student in new[] { first, second, third })
        {
            await student.SubmitFormAsync($"/events/{id}", "#register-form", new Dictionary<string, string>()).AcceptedAsync();
        }

        Assert.Equal(RegistrationStatus.Waitlisted, await StatusOfAsync(id, thirdUser.Id));
        Assert.Contains("number 1 on the waitlist", (await third.GetDocumentAsync($"/events/{id}")).QuerySelector("#my-status")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await third.GetDocumentAsync($"/events/{id}")).QuerySelector("#join-link"));
        Assert.Equal("https://meet.example.org/acr-conference", (await first.GetDocumentAsync($"/events/{id}")).QuerySelector("#join-link")!.GetAttribute("href"));
        using var anonymous = factory.CreateNonRedirectingClient();
        Assert.DoesNotContain("acr-conference", await (await anonymous.GetAsync($"/events/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("acr-conference", await (await anonymous.GetAsync("/events/acr.ics")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await second.SubmitFormAsync($"/events/{id}", "form[action$='/cancel-registration']", new Dictionary<string, string>()).AcceptedAsync();

        Assert.Equal(RegistrationStatus.Cancelled, await StatusOfAsync(id, secondUser.Id));
        Assert.Equal(RegistrationStatus.Registered, await StatusOfAsync(id, thirdUser.Id));
        Assert.Equal(2, await factory.WithDbAsync(db => db.Events.Where(e => e.Id == id).Select(e => e.SeatsTaken).SingleAsync()));
        Assert.Contains("A seat opened up", (await factory.SentEmailsAsync()).LastTo(thirdUser.Email!).Subject, StringComparison.Ordinal);
        Assert.NotNull((await third.GetDocumentAsync($"/events/{id}")).QuerySelector("#join-link"));
        Assert.Null((await second.GetDocumentAsync($"/events/{id}")).QuerySelector("#join-link"));

        // The admin's attendee list and its CSV name everyone holding a seat.
        using var admin = factory.CreateClientAs(Admin, Roles.AcrAdmin);
        var csv = await (await admin.GetAsync($"/admin/events/{id}/attendees.csv")).Content.ReadAsStringAsync();
        Assert.Contains("conf.third@example.org", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("conf.second@example.org", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conference_Agenda_IsOnItsPage_InTheConferenceZone()
    {
        var id = await CreateConferenceAsync(seats: 50);
        using var anonymous = factory.CreateNonRedirectingClient();

        var page = await anonymous.GetDocumentAsync($"/events/{id}");

        var row = page.QuerySelector("#agenda tbody tr")!.TextContent;
        Assert.Contains("7:00 PM–7:15 PM", row, StringComparison.Ordinal);
        Assert.Contains("Welcome and how the evening works", row, StringComparison.Ordinal);
        Assert.Contains("Registration closes Wed, Jan 20, 2027, 6:00 PM Eastern Standard Time", page.QuerySelector("#registration")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchoolOnlyEvent_AsksStudentsToSayTheyStudyThere()
    {
        var (rigId, _, leader, _) = await TestHosts.ApprovedRigAsync(factory, "vanderbilt-som");
        await leader.SubmitFormAsync($"/my/rigs/{rigId}/events/new", "#event-form", Workshop(("Input.Audience", "SchoolOnly"), ("Input.TimeZoneId", "America/Chicago"))).AcceptedAsync();
        var id = await LatestEventIdAsync();
        var (student, user) = await TestHosts.StudentAsync(factory, "school.only");

        await student.SubmitFormAsync($"/events/{id}", "#register-form", new Dictionary<string, string>()).AcceptedAsync();
        Assert.Equal(0, await factory.WithDbAsync(db => db.EventRegistrations.CountAsync(r => r.UserId == user.Id)));

        await student.SubmitFormAsync($"/events/{id}", "#register-form", new Dictionary<string, string> { ["atSchool"] = "true" }).AcceptedAsync();
        Assert.Equal(RegistrationStatus.Registered, await StatusOfAsync(id, user.Id));
    }

    [Fact]
    public async Task Leader_ChangesTheTime_CalendarsSeeANewSequence_AndThoseRegisteredAreEmailed()
    {
        var (rigId, slug, leader, _) = await TestHosts.ApprovedRigAsync(factory, "emory-som");
        await leader.SubmitFormAsync($"/my/rigs/{rigId}/events/new", "#event-form", Workshop(("Input.Title", "Knobology workshop"), ("Input.TimeZoneId", "America/New_York"))).AcceptedAsync();
        var id = await LatestEventIdAsync();
        var (student, user) = await TestHosts.StudentAsync(factory, "registered.student");
        await student.SubmitFormAsync($"/events/{id}", "#register-form", new Dictionary<string, string>()).AcceptedAsync();
        using var anonymous = factory.CreateNonRedirectingClient();
        Assert.Contains("6:00 PM", (await anonymous.GetDocumentAsync($"/events/{id}")).QuerySelector("#event-when")!.TextContent, StringComparison.Ordinal);

        await leader.SubmitFormAsync($"/my/rigs/{rigId}/events/{id}/edit", "#event-form", new Dictionary<string, string> { ["Input.Starts"] = "2026-12-10T17:00" }).AcceptedAsync();

        Assert.Contains("5:00 PM", (await anonymous.GetDocumentAsync($"/events/{id}")).QuerySelector("#event-when")!.TextContent, StringComparison.Ordinal);
        var feed = Calendar.Load(await anonymous.GetStringAsync($"/rigs/{slug}/events.ics"))!;
        Assert.Equal(1, Assert.Single(feed.Events).Sequence);
        Assert.Contains("Changed:", (await factory.SentEmailsAsync()).LastTo(user.Email!).Subject, StringComparison.Ordinal);

        await leader.SubmitFormAsync($"/my/rigs/{rigId}/events/{id}/edit", "#cancel-event-form", new Dictionary<string, string> { ["Cancel.Note"] = "The sim centre flooded." }).AcceptedAsync();

        var cancelled = Assert.Single(Calendar.Load(await anonymous.GetStringAsync($"/rigs/{slug}/events.ics"))!.Events);
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.Equal(2, cancelled.Sequence);
        Assert.Contains("The sim centre flooded.", (await factory.SentEmailsAsync()).LastTo(user.Email!).HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Knobology workshop", (await anonymous.GetDocumentAsync("/events")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_HidesAnEvent_ItLeavesEveryPublicPageAndFeed_AndItsHostsAreTold()
    {
        var (rigId, slug, leader, leaderUser) = await TestHosts.ApprovedRigAsync(factory, "unc-som");
        await leader.SubmitFormAsync($"/my/rigs/{rigId}/events/new", "#event-form", Workshop(("Input.Title", "A talk ACR will hide"), ("Input.TimeZoneId", "America/New_York"))).AcceptedAsync();
        var id = await LatestEventIdAsync();
        using var anonymous = factory.CreateNonRedirectingClient();
        var region = await factory.WithDbAsync(db => db.Schools.Where(s => s.Slug == "unc-som").Select(s => s.Jurisdiction!.Region!.Slug).SingleAsync());
        Assert.Contains("A talk ACR will hide", await anonymous.GetStringAsync("/events"), StringComparison.Ordinal);
        Assert.Contains("A talk ACR will hide", await anonymous.GetStringAsync($"/regions/{region}/events.ics"), StringComparison.Ordinal);
        using var admin = factory.CreateClientAs(Admin, Roles.AcrAdmin);

        using (var refused = await admin.SubmitFormAsync($"/events/{id}", "#hide-form", new Dictionary<string, string> { ["Hide.Note"] = "" }))
        {
            Assert.Null(await factory.WithDbAsync(db => db.Events.Where(e => e.Id == id).Select(e => e.HiddenAt).SingleAsync()));
        }

        await admin.SubmitFormAsync($"/events/{id}", "#hide-form", new Dictionary<string, string> { ["Hide.Note"] = "This duplicates the conference." }).AcceptedAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/events/{id}")).StatusCode);
        Assert.DoesNotContain("A talk ACR will hide", await anonymous.GetStringAsync("/events"), StringComparison.Ordinal);
        Assert.DoesNotContain("A talk ACR will hide", await anonymous.GetStringAsync($"/rigs/{slug}/events.ics"), StringComparison.Ordinal);
        Assert.DoesNotContain("A talk ACR will hide", await anonymous.GetStringAsync($"/regions/{region}/events.ics"), StringComparison.Ordinal);
        Assert.DoesNotContain("A talk ACR will hide", await anonymous.GetStringAsync($"/rigs/{slug}"), StringComparison.Ordinal);
        Assert.Contains("This duplicates the conference.", (await leader.GetDocumentAsync($"/events/{id}")).QuerySelector("#hidden-notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("This duplicates the conference.", (await factory.SentEmailsAsync()).LastTo(leaderUser.Email!).HtmlBody, StringComparison.Ordinal);

        await admin.SubmitFormAsync($"/events/{id}", "form[action$='/unhide']", new Dictionary<string, string>()).AcceptedAsync();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/events/{id}")).StatusCode);
    }

    [Fact]
    public async Task NearMySchool_ListsInPersonEventsWithinTheDistance_AndOffersOtherMatches()
    {
        var (rigId, _, leader, _) = await TestHosts.ApprovedRigAsync(factory, "stanford-som");
        await leader.SubmitFormAsync($"/my/rigs/{rigId}/events/new", "#event-form", Workshop(("Input.Title", "Palo Alto reading-room morning"), ("Input.TimeZoneId", "America/Los_Angeles"), ("Input.Format", "InPerson"))).AcceptedAsync();
        using var anonymous = factory.CreateNonRedirectingClient();

        var near = await anonymous.GetDocumentAsync("/events?near=UCSF&miles=50");
        var far = await anonymous.GetDocumentAsync("/events?school=yale-som&miles=100");

        Assert.Contains("Palo Alto reading-room morning", near.QuerySelector("#events")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("within 50 miles of", near.QuerySelector("#event-results-status")!.TextContent, StringComparison.Ordinal);
        Assert.Null(far.QuerySelector("#events"));
        Assert.Contains("No upcoming event matches", far.QuerySelector("#event-results-status")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No school matches", (await anonymous.GetDocumentAsync("/events?near=Qqxzv")).QuerySelector("#school-unknown")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("not in the directory", (await anonymous.GetDocumentAsync("/events?school=no-such-school")).QuerySelector("#school-unknown")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonalFeed_ListsMyEvents_AtASecretAddress_ThatANewOneRevokes()
    {
        var id = await CreateConferenceAsync(seats: 20);
        var (student, _) = await TestHosts.StudentAsync(factory, "feed.student");
        await student.SubmitFormAsync($"/events/{id}", "#register-form", new Dictionary<string, string>()).AcceptedAsync();

        // A first address replaces nothing, so nothing is asked (no blank OK/Cancel); a new one warns that the old one stops.
        var before = await student.GetDocumentAsync("/my/events");
        Assert.Null(before.QuerySelector("form[action$='/my/events/feed']")!.GetAttribute("data-confirm"));
        Assert.Empty(before.QuerySelectorAll("form[data-confirm='']"));
        using var made = await student.SubmitFormAsync(before, "form[action$='/my/events/feed']", new Dictionary<string, string>());
        var page = await student.GetDocumentAsync("/my/events");
        var address = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#feed-url")!.Value;
        Assert.StartsWith("https://localhost/calendar/", address, StringComparison.Ordinal);
        var again = await student.GetDocumentAsync("/my/events");
        Assert.Null(again.QuerySelector("#feed-url"));
        Assert.Contains("stops working", again.QuerySelector("form[action$='/my/events/feed']")!.GetAttribute("data-confirm"), StringComparison.Ordinal);

        using var anonymous = factory.CreateNonRedirectingClient();
        var feed = Calendar.Load(await anonymous.GetStringAsync(new Uri(address).PathAndQuery))!;
        Assert.Contains(feed.Events, e => e.Summary == "National virtual networking conference");

        await student.SubmitFormAsync("/my/events", "form[action$='/my/events/feed']", new Dictionary<string, string>()).AcceptedAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(address).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/not-a-token.ics")).StatusCode);
    }

    [Fact]
    public async Task FirstEventOfTheRegistration_IsPublishedWhenTheRigIsApproved()
    {
        var (rigId, _) = await factory.CreateSubmittedRigAsync("uvm-larner-com", "Larner Radiology Group", factory.Clock.GetUtcNow().UtcDateTime);
        using var anonymous = factory.CreateNonRedirectingClient();
        Assert.DoesNotContain("Kick-off", await anonymous.GetStringAsync("/events"), StringComparison.Ordinal);
        using var admin = factory.CreateClientAs(Admin, Roles.AcrAdmin);

        await admin.SubmitFormAsync($"/admin/reviews/{rigId}", "#decision-form", new Dictionary<string, string> { ["Decision.Action"] = "Approve" }).AcceptedAsync();

        Assert.Contains("Kick-off", await anonymous.GetStringAsync("/events"), StringComparison.Ordinal);
        Assert.Contains("Kick-off", await anonymous.GetStringAsync("/schools/uvm-larner-com"), StringComparison.Ordinal);
    }
}
