using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

public sealed class DirectoryPagesTests(DirectoryFactory factory) : IClassFixture<DirectoryFactory>
{
    private async Task<string> AnonymousHtmlAsync(string url)
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<List<string>> ResultNamesAsync(HttpClient client, string url)
    {
        var page = await client.GetDocumentAsync(url);
        return page.QuerySelectorAll(".rig-results h2 a").Select(a => a.TextContent).ToList();
    }

    [Fact]
    public async Task Home_DrawsEveryRegionAndSchoolOnTheMap()
    {
        using var client = factory.CreateNonRedirectingClient();

        var page = await client.GetDocumentAsync("/");

        Assert.Equal(11, page.QuerySelectorAll("svg .rd-region").Length);
        Assert.Equal(65, page.QuerySelectorAll("svg .rd-region path").Length);
        Assert.Equal(284, page.QuerySelectorAll("svg .rd-map-schools use").Length);
        Assert.Empty(page.QuerySelectorAll("svg a[href^='/schools/']"));
        var harvard = page.QuerySelector("svg use[data-s='harvard-medical-school']")!;
        Assert.Equal("has-rig", harvard.ParentElement!.ClassName);
        Assert.Equal("Harvard Medical School (Boston, MA)", harvard.GetAttribute("data-n"));
        Assert.Equal("no-rig", page.QuerySelector("svg use[data-s='bu-chobanian-avedisian-som']")!.ParentElement!.ClassName);
        Assert.Equal("pending", page.QuerySelector("svg use[data-s='tufts-som']")!.ParentElement!.ClassName);
        Assert.Contains("Region 7 (Northeast): 2 RIGs at 30 schools", page.QuerySelector("svg a[href='/regions/us-region-7']")!.GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_Legend_NamesEachRegionBesideItsOwnColour()
    {
        using var client = factory.CreateNonRedirectingClient();

        var page = await client.GetDocumentAsync("/");

        var legend = page.QuerySelectorAll("ul[aria-label=Regions] li");
        Assert.Equal(11, legend.Length);
        Assert.Equal(11, legend.Select(li => li.ClassName).Distinct().Count());
        Assert.Contains(legend, li => li.TextContent.Trim() == "Ontario");
        // Each legend colour is the colour of that region's link on the map.
        var ontario = legend.Single(li => li.TextContent.Trim() == "Ontario").ClassName!;
        Assert.Contains(ontario, page.QuerySelector("svg a[href='/regions/canada-ontario']")!.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegionMap_FramesTheMainland_AndInsetsAlaskaAndHawaii()
    {
        using var client = factory.CreateNonRedirectingClient();

        var page = await client.GetDocumentAsync("/regions/us-region-1");

        var svg = page.QuerySelector("svg.rd-map-svg")!;
        Assert.NotNull(svg.QuerySelector("path[data-code=US-AK][transform]"));
        Assert.NotNull(svg.QuerySelector("path[data-code=US-HI][transform]"));
        Assert.Null(svg.QuerySelector("path[data-code=US-CA][transform]"));
        Assert.Equal(2, svg.QuerySelectorAll(".rd-inset-frames rect").Length);
        // The boxes are drawn over the dimmed neighbours they overlap, and under the region itself.
        var layers = svg.QuerySelector(".rd-map-regions")!.Children.ToList();
        var frames = layers.FindIndex(layer => layer.ClassList.Contains("rd-inset-frames"));
        Assert.All(layers.Take(frames), layer => Assert.Contains("dimmed", layer.ClassName, StringComparison.Ordinal));
        Assert.Equal("/regions/us-region-1", layers[^1].GetAttribute("href"));
        Assert.Null(page.QuerySelector("ul[aria-label=Regions]"));
    }

    [Fact]
    public async Task Home_SchoolsInOneCity_GetDistinctMarkers()
    {
        using var client = factory.CreateNonRedirectingClient();

        var page = await client.GetDocumentAsync("/");

        var chicago = new[] { "northwestern-feinberg-som", "rush-medical-college", "uchicago-pritzker-som", "uic-com-chicago" }
            .Select(slug => page.QuerySelector($"svg use[data-s='{slug}']")!)
            .Select(c => (c.GetAttribute("x"), c.GetAttribute("y")))
            .ToList();
        Assert.Equal(4, chicago.Distinct().Count());
    }

    [Fact]
    public async Task Home_RegionTable_IsTheMapsTextAlternative()
    {
        using var client = factory.CreateNonRedirectingClient();

        var page = await client.GetDocumentAsync("/");

        var row = page.QuerySelectorAll("#regions-table tbody tr").Single(r => r.TextContent.Contains("Region 2 (Upper Midwest)", StringComparison.Ordinal));
        Assert.Equal("/regions/us-region-2", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(["1", "29", "28"], row.QuerySelectorAll("td.text-end").Select(c => c.TextContent).ToArray());
    }

    [Fact]
    public async Task RegionPage_ListsSchoolsWithTheirRigOrAStartAction()
    {
        using var client = factory.CreateNonRedirectingClient();

        var page = await client.GetDocumentAsync("/regions/us-region-7");

        Assert.Equal("Region 7 (Northeast)", page.QuerySelector("h1")!.TextContent);
        var rows = page.QuerySelectorAll("#schools-heading ~ div table tbody tr");
        Assert.Equal(30, rows.Length);
        var harvard = rows.Single(r => r.TextContent.Contains("Harvard Medical School", StringComparison.Ordinal));
        Assert.Equal("/rigs/boston-radiology-society", harvard.QuerySelector("td a")!.GetAttribute("href"));
        var bu = rows.Single(r => r.QuerySelector("a[href='/schools/bu-chobanian-avedisian-som']") is not null);
        Assert.Equal("/start?school=bu-chobanian-avedisian-som", bu.QuerySelector("td a")!.GetAttribute("href"));
        var tufts = rows.Single(r => r.TextContent.Contains("Tufts", StringComparison.Ordinal));
        Assert.Equal("/schools/tufts-som#starters", tufts.QuerySelector("td a")!.GetAttribute("href"));
        Assert.Contains("Contact your region", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(30, page.QuerySelectorAll("svg .rd-map-schools use").Length);
    }

    [Fact]
    public async Task SchoolPage_WithoutRig_OffersToStartOne()
    {
        using var client = factory.CreateNonRedirectingClient();

        var page = await client.GetDocumentAsync("/schools/bu-chobanian-avedisian-som");

        Assert.Contains("Boston University", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Boston, Massachusetts", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/start?school=bu-chobanian-avedisian-som']"));
        Assert.Equal("/mentors?school=bu-chobanian-avedisian-som", page.QuerySelector("#mentors-near a")!.GetAttribute("href"));
        Assert.Single(page.QuerySelectorAll("svg .rd-map-schools use"));
    }

    [Fact]
    public async Task Profile_ListsItsEventsToComeAndThoseOfTheLastYear()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.WithDbAsync(async db =>
        {
            var rig = await db.Rigs.SingleAsync(r => r.Slug == "chicago-imaging-club");
            db.Events.AddRange(
                TestEvents.Make("IR workshop", now.AddDays(10), rigId: rig.Id),
                TestEvents.Make("AI journal club", now.AddDays(-20), EventFormat.Virtual, rigId: rig.Id),
                TestEvents.Make("Social two years ago", now.AddYears(-2), rigId: rig.Id));
            await db.SaveChangesAsync();
        });
        await factory.EvictDirectoryAsync();
        using var client = factory.CreateNonRedirectingClient();

        var page = await client.GetDocumentAsync("/rigs/chicago-imaging-club");

        var upcoming = page.QuerySelector("#upcoming-events")!.TextContent;
        Assert.Contains("IR workshop", upcoming, StringComparison.Ordinal);
        Assert.Contains("in person · Room 101", upcoming, StringComparison.Ordinal);
        Assert.Contains("1 event in the last year", page.QuerySelector("section[aria-labelledby='events-heading']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("AI journal club", page.QuerySelector("#recent-events")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Social two years ago", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_WithoutEvents_SaysSo()
    {
        using var client = factory.CreateNonRedirectingClient();

        var page = await client.GetDocumentAsync("/rigs/boston-radiology-society");

        Assert.Contains("No events are listed yet", page.QuerySelector("section[aria-labelledby='events-heading']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchoolPage_WithRig_LinksToIt()
    {
        using var client = factory.CreateNonRedirectingClient();

        var page = await client.GetDocumentAsync("/schools/harvard-medical-school");

        Assert.NotNull(page.QuerySelector("a[href='/rigs/boston-radiology-society']"));
        Assert.Null(page.QuerySelector("a[href^='/start']:not(.nav-link)"));
        Assert.Null(page.QuerySelector("#mentors-near"));
    }

    [Fact]
    public async Task StartPage_ForASchool_ShowsTheFourStepsAndItsRegion()
    {
        using var client = factory.CreateNonRedirectingClient();

        var page = await client.GetDocumentAsync("/start?school=tufts-som");

        Assert.Contains("Tufts University School of Medicine", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, page.QuerySelectorAll("ol.start-steps li").Length);
        Assert.Contains("Region 7 (Northeast)", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_ShowsTheRigsPublicFacts()
    {
        using var client = factory.CreateNonRedirectingClient();

        var page = await client.GetDocumentAsync("/rigs/boston-radiology-society");
        var text = page.Body!.TextContent;

        Assert.Equal("Boston Radiology Society", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Harvard Medical School", text, StringComparison.Ordinal);
        Assert.Contains("Talks with radiologists", text, StringComparison.Ordinal);
        Assert.Contains("Monthly", text, StringComparison.Ordinal);
        Assert.Contains("Olivia Officer — President", text, StringComparison.Ordinal);
        Assert.Contains("Dr. Sponsor of Boston Radiology Society", text, StringComparison.Ordinal);
        Assert.Contains("Last updated Feb 1, 2026", text, StringComparison.Ordinal);
        // One date style on the profile, the events' own ("Mon, Dec 14, 2026"): no "1 February 2026" beside it.
        Assert.DoesNotMatch(@"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b", text);
        Assert.NotNull(page.QuerySelector($"a[href='mailto:{DirectoryFactory.BostonEmail}']"));
    }

    [Fact]
    public async Task Profile_EncodesWhatLeadersTyped()
    {
        var html = await AnonymousHtmlAsync("/rigs/boston-radiology-society");

        Assert.Contains("Lunch talks &amp; &lt;b&gt;workshops&lt;/b&gt;.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>workshops</b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_Anonymous_NeverGetsPrivateEmails()
    {
        var chicago = await AnonymousHtmlAsync("/rigs/chicago-imaging-club");
        var boston = await AnonymousHtmlAsync("/rigs/boston-radiology-society");

        Assert.DoesNotContain(DirectoryFactory.ChicagoEmail, chicago, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Sign in</a> to see it", chicago, StringComparison.Ordinal);
        Assert.DoesNotContain(DirectoryFactory.SponsorEmail, boston, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(DirectoryFactory.OfficerEmail, boston, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Profile_SignedIn_SeesSignedInOnlyContact_ButNeverOfficersPersonalEmail()
    {
        using var client = factory.CreateClientAs("student-profile", Roles.Student);

        var chicago = await (await client.GetAsync("/rigs/chicago-imaging-club")).Content.ReadAsStringAsync();
        var boston = await (await client.GetAsync("/rigs/boston-radiology-society")).Content.ReadAsStringAsync();

        Assert.Contains(DirectoryFactory.ChicagoEmail, chicago, StringComparison.Ordinal);
        Assert.DoesNotContain(DirectoryFactory.OfficerEmail, boston, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Profile_SponsorEmail_OnlyForTheRigsOwnLeadersAndAdmins()
    {
        var officerId = await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == DirectoryFactory.OfficerEmail).Id));
        using var student = factory.CreateClientAs("student-sponsor-email", Roles.Student);
        using var otherLeader = factory.CreateClientAs("leader-of-another-rig", Roles.RigLeader);
        using var officer = factory.CreateClientAs(officerId, Roles.RigLeader);
        using var admin = factory.CreateClientAs("admin-sponsor-email", Roles.AcrAdmin);

        Assert.DoesNotContain(DirectoryFactory.SponsorEmail, await student.GetStringAsync("/rigs/boston-radiology-society"), StringComparison.Ordinal);
        Assert.DoesNotContain(DirectoryFactory.SponsorEmail, await otherLeader.GetStringAsync("/rigs/boston-radiology-society"), StringComparison.Ordinal);
        Assert.Contains(DirectoryFactory.SponsorEmail, await officer.GetStringAsync("/rigs/boston-radiology-society"), StringComparison.Ordinal);
        Assert.Contains(DirectoryFactory.SponsorEmail, await admin.GetStringAsync("/rigs/boston-radiology-society"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/rigs/pending-rig")]
    [InlineData("/rigs/draft-rig")]
    [InlineData("/rigs/rejected-rig")]
    [InlineData("/rigs/changes-rig")]
    [InlineData("/rigs/archived-rig")]
    [InlineData("/rigs/no-such-rig")]
    [InlineData("/schools/no-such-school")]
    [InlineData("/regions/no-such-region")]
    public async Task UnpublishedOrUnknown_IsAFriendly404(string url)
    {
        using var client = factory.CreateNonRedirectingClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("We could not find that page", (await HtmlForms.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/rigs")]
    [InlineData("/rigs?q=secret")]
    [InlineData("/rigs.csv")]
    [InlineData("/api/rigs")]
    [InlineData("/regions/us-region-7")]
    [InlineData("/regions/us-region-3")]
    [InlineData("/schools/tufts-som")]
    [InlineData("/schools/nyu-grossman-som")]
    public async Task UnapprovedRigs_NeverAppearInPublic(string url)
    {
        var html = await AnonymousHtmlAsync(url);

        Assert.All(TestRigs.SecretNames, name => Assert.DoesNotContain(name, html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_WithoutFilters_ShowsOnlyApprovedRigsByName()
    {
        using var client = factory.CreateNonRedirectingClient();

        var names = await ResultNamesAsync(client, "/rigs");

        Assert.Equal(["Boston Radiology Society", "Chicago Imaging Club", "Groupe d'intérêt en radiologie de Montréal", "Osteopathic Imaging Society"], names);
    }

    [Theory]
    [InlineData("/rigs?q=boston", "Boston Radiology Society")]
    [InlineData("/rigs?q=RUSH", "Chicago Imaging Club")]
    [InlineData("/rigs?q=Illinois", "Chicago Imaging Club")]
    [InlineData("/rigs?q=Massachusetts", "Boston Radiology Society")]
    [InlineData("/rigs?q=Montr%C3%A9al", "Groupe d'intérêt en radiologie de Montréal")]
    [InlineData("/rigs?q=montreal", "Groupe d'intérêt en radiologie de Montréal")]
    [InlineData("/rigs?q=INTERET", "Groupe d'intérêt en radiologie de Montréal")]
    [InlineData("/rigs?q=Mcgil", "Groupe d'intérêt en radiologie de Montréal")]
    [InlineData("/rigs?q=McGill%20University%3A%20Health%20Sciences", "Groupe d'intérêt en radiologie de Montréal")]
    [InlineData("/rigs?q=college%20rush", "Chicago Imaging Club")]
    [InlineData("/rigs?q=Harvrad", "Boston Radiology Society")]
    [InlineData("/rigs?region=us-region-2", "Chicago Imaging Club")]
    [InlineData("/rigs?country=CA", "Groupe d'intérêt en radiologie de Montréal")]
    [InlineData("/rigs?state=US-MA", "Boston Radiology Society")]
    [InlineData("/rigs?degree=DO", "Osteopathic Imaging Society")]
    [InlineData("/rigs?activity=Talks&activity=Workshops", "Boston Radiology Society")]
    [InlineData("/rigs?activity=Talks&activity=Outreach&country=US", "Osteopathic Imaging Society")]
    [InlineData("/rigs?q=club&region=us-region-2&country=US&state=US-IL&degree=MD&activity=Talks", "Chicago Imaging Club")]
    public async Task List_Filters_CombineAndAgreeWithTheQueryString(string url, string expected)
    {
        using var client = factory.CreateNonRedirectingClient();

        var names = await ResultNamesAsync(client, url);

        Assert.Equal([expected], names);
    }

    [Fact]
    public async Task List_FiltersThatMatchNothing_ExplainWhatToChange()
    {
        using var client = factory.CreateNonRedirectingClient();

        var page = await client.GetDocumentAsync("/rigs?q=boston&country=CA");

        Assert.Contains("No RIGs match.", page.QuerySelector("#result-count")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Try fewer activities, a wider region, or a shorter search", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("boston", page.QuerySelector("#q")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("select#country option[value=CA][selected]"));
    }

    [Fact]
    public async Task List_SortByRecentlyVerified_PutsTheNewestVerificationFirst()
    {
        using var client = factory.CreateNonRedirectingClient();

        var names = await ResultNamesAsync(client, "/rigs?sort=Verified");

        Assert.Equal("Chicago Imaging Club", names[0]);
    }

    [Theory]
    [InlineData("/rigs?page=-1")]
    [InlineData("/rigs?page=0")]
    [InlineData("/rigs?page=abc")]
    [InlineData("/rigs?page=99999999999")]
    [InlineData("/rigs?sort=bogus")]
    [InlineData("/rigs?country=XX")]
    [InlineData("/rigs?state=Illinois")]
    [InlineData("/rigs?activity=Juggling")]
    public async Task List_BadInput_IsACleanBadRequestPage(string url)
    {
        using var client = factory.CreateNonRedirectingClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.NotNull(page.QuerySelector(".alert-warning a[href='/rigs']"));
    }

    [Fact]
    public async Task List_FiveKilobyteSearch_IsRefusedWithAReason()
    {
        using var client = factory.CreateNonRedirectingClient();

        using var response = await client.GetAsync("/rigs?q=" + new string('x', 5 * 1024));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Search for at most 200 characters.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("' OR 1=1 --")]
    [InlineData("\"; DROP TABLE Rigs; --")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("[a-z]")]
    public async Task List_Metacharacters_AreSearchedLiterallyAndEncoded(string query)
    {
        using var client = factory.CreateNonRedirectingClient();

        using var response = await client.GetAsync("/rigs?q=" + Uri.EscapeDataString(query));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("No RIGs match.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Equal(9, await factory.WithDbAsync(db => db.Rigs.CountAsync()));
    }

    [Fact]
    public async Task List_PagePastTheEnd_SaysSoAndLinksBack()
    {
        using var client = factory.CreateNonRedirectingClient();

        var page = await client.GetDocumentAsync("/rigs?page=500");

        Assert.Contains("Page 500 is past the end", page.QuerySelector("#result-count")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/rigs']"));
    }

    [Fact]
    public async Task Api_Rigs_ReturnsPublicFieldsOnly()
    {
        using var client = factory.CreateNonRedirectingClient();

        using var response = await client.GetAsync("/api/rigs?state=US-IL");
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(1, document.RootElement.GetProperty("total").GetInt32());
        var rig = document.RootElement.GetProperty("items")[0];
        Assert.Equal("chicago-imaging-club", rig.GetProperty("slug").GetString());
        Assert.Equal("/rigs/chicago-imaging-club", rig.GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.Null, rig.GetProperty("contactEmail").ValueKind);
        Assert.DoesNotContain("sponsor", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Api_Rigs_UsesTheCodesOfThePagesAndCsv()
    {
        using var client = factory.CreateNonRedirectingClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/api/rigs?state=US-IL"));

        var rig = document.RootElement.GetProperty("items")[0];
        Assert.Equal("US", rig.GetProperty("country").GetString());
        Assert.Equal("MD", rig.GetProperty("degree").GetString());
    }

    [Fact]
    public async Task Api_Rigs_PagesBySize_WithAbsoluteNextAndPreviousLinks()
    {
        using var client = factory.CreateNonRedirectingClient();

        using var first = JsonDocument.Parse(await client.GetStringAsync("/api/rigs?pageSize=2&sort=School"));
        var total = first.RootElement.GetProperty("total").GetInt32();
        Assert.Equal(2, first.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(2, first.RootElement.GetProperty("pageSize").GetInt32());
        Assert.Equal($"{RigDirectoryFactory.PublicBaseUrl}api/rigs?sort=School&page=2&pageSize=2", first.RootElement.GetProperty("next").GetString());
        Assert.Equal(JsonValueKind.Null, first.RootElement.GetProperty("previous").ValueKind);

        using var all = JsonDocument.Parse(await client.GetStringAsync("/api/rigs?pageSize=500"));
        Assert.Equal(total, all.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, all.RootElement.GetProperty("next").ValueKind);

        using var tooMany = await client.GetAsync("/api/rigs?pageSize=501");
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("Ask for 1 to 500 RIGs a page.", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_IsDescribedInOpenApi_LinkedFromTheAboutPage()
    {
        using var client = factory.CreateNonRedirectingClient();

        var about = await client.GetDocumentAsync("/about");
        using var response = await client.GetAsync(about.QuerySelector("#openapi-link")!.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var description = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = description.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/rigs", out var rigs));
        Assert.Contains(rigs.GetProperty("get").GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "pageSize");
        Assert.True(paths.TryGetProperty("/api/regions", out _));
        Assert.DoesNotContain(paths.EnumerateObject(), p => !p.Name.StartsWith("/api/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Api_Rigs_BadInput_IsAProblemDetails400()
    {
        using var client = factory.CreateNonRedirectingClient();

        using var response = await client.GetAsync("/api/rigs?page=abc");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Api_Regions_GivesCounts()
    {
        using var client = factory.CreateNonRedirectingClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/api/regions"));

        var regions = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(11, regions.Count);
        var northeast = regions.Single(r => r.GetProperty("slug").GetString() == "us-region-7");
        Assert.Equal(2, northeast.GetProperty("rigs").GetInt32());
        Assert.Equal(30, northeast.GetProperty("schools").GetInt32());
        Assert.Equal(284, regions.Sum(r => r.GetProperty("schools").GetInt32()));
    }

    [Fact]
    public async Task Csv_HasAHeaderAndOneRowPerMatchingRig_WithPublicFieldsOnly()
    {
        using var client = factory.CreateNonRedirectingClient();

        using var response = await client.GetAsync("/rigs.csv?country=US");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Slug,Name,Url,School,Campus,City,StateProvince,Country,Degree,Region,Activities,MeetingCadence,ContactEmail", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        Assert.Contains(DirectoryFactory.BostonEmail, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(DirectoryFactory.ChicagoEmail, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(DirectoryFactory.SponsorEmail, csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task About_CreditsGeoNamesAndNaturalEarth()
    {
        var html = await AnonymousHtmlAsync("/about");

        Assert.Contains("GeoNames", html, StringComparison.Ordinal);
        Assert.Contains("Natural Earth", html, StringComparison.Ordinal);
    }
}

public sealed class DirectoryCachingTests(DirectoryFactory factory) : IClassFixture<DirectoryFactory>
{
    private async Task RenameAsync(string slug, string name) => await factory.WithDbAsync(async db =>
    {
        var rig = await db.Rigs.SingleAsync(r => r.Slug == slug);
        rig.Name = name;
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task PublicPage_IsServedFromCache_UntilTheDirectoryTagIsEvicted()
    {
        using var client = factory.CreateNonRedirectingClient();
        Assert.Contains("Montréal", await client.GetStringAsync("/rigs/montreal-rig"), StringComparison.Ordinal);

        await RenameAsync("montreal-rig", "Renamed Montreal RIG");
        var cached = await client.GetStringAsync("/rigs/montreal-rig");
        await factory.Services.GetRequiredService<DirectoryCache>().EvictAsync();
        var fresh = await client.GetStringAsync("/rigs/montreal-rig");

        Assert.DoesNotContain("Renamed Montreal RIG", cached, StringComparison.Ordinal);
        Assert.Contains("Renamed Montreal RIG", fresh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_AfterEviction_ShowsTheChange()
    {
        using var client = factory.CreateNonRedirectingClient();
        Assert.Contains("Chicago Imaging Club", await client.GetStringAsync("/rigs?q=imaging"), StringComparison.Ordinal);

        await RenameAsync("chicago-imaging-club", "Windy City Imaging Club");
        await factory.Services.GetRequiredService<DirectoryCache>().EvictAsync();

        Assert.Contains("Windy City Imaging Club", await client.GetStringAsync("/rigs?q=imaging"), StringComparison.Ordinal);
        Assert.Contains("Windy City Imaging Club", await client.GetStringAsync("/api/rigs?q=imaging"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedInUser_IsNeverServedACachedPage()
    {
        using var anonymous = factory.CreateNonRedirectingClient();
        using var student = factory.CreateClientAs("student-cache", Roles.Student);
        await anonymous.GetStringAsync("/rigs/osteopathic-imaging");

        await RenameAsync("osteopathic-imaging", "Renamed Osteopathic Society");

        Assert.Contains("Renamed Osteopathic Society", await student.GetStringAsync("/rigs/osteopathic-imaging"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousPublicPage_SetsNoCookie()
    {
        using var client = factory.CreateNonRedirectingClient();

        using var response = await client.GetAsync("/");

        Assert.False(response.Headers.Contains("Set-Cookie"));
    }
}
