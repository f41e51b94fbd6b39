using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RigDirectory.BrowserTests.Infrastructure;
using RigDirectory.Web.Data;
using RigDirectory.Web.Data.Seed;
using RigDirectory.Web.Domain;

namespace RigDirectory.BrowserTests;

/// <summary>The app as a developer runs it: Development, with the whole demo seed and the demo accounts of each role.</summary>
public sealed class DemoBrowserAppFactory : BrowserAppFactory
{
    protected override bool FullDemo => true;
}

/// <summary>
/// Every page the app routes (enumerated from its endpoints, so a new page is visited without anyone listing it),
/// as each role sees it (signed out, and signed in as the demo student, leader and mentor and as an admin), at a
/// phone's, a tablet's and a laptop's width: the page never scrolls sideways, and every item of the main navigation
/// (or, when it is folded, the button that opens it) is on screen. This is the check axe cannot make.
/// </summary>
public sealed class EveryPageFitsTests(DemoBrowserAppFactory app) : IClassFixture<DemoBrowserAppFactory>
{
    private static readonly int[] Widths = [375, 768, 1366];

    /// <summary>What the page shows that does not fit: the page's own width past the window's, or a navigation item off screen.</summary>
    private const string Problems =
        """
        () => {
            const problems = [];
            const width = window.innerWidth;
            const scrollWidth = document.scrollingElement.scrollWidth;
            if (scrollWidth > width) {
                const widest = [...document.querySelectorAll("main *")]
                    .filter(e => e.getBoundingClientRect().right > width + 1)
                    .map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\s+/).join(".") : ""))
                    .slice(0, 3);
                problems.push(`the page is ${scrollWidth} px wide (${widest.join(", ") || "outside main"})`);
            }
            const toggler = document.querySelector("header .navbar-toggler");
            const folded = toggler && getComputedStyle(toggler).display !== "none";
            const items = folded ? [toggler] : [...document.querySelectorAll("header .navbar-brand, header .navbar-nav > .nav-item")];
            for (const item of items) {
                const box = item.getBoundingClientRect();
                if (box.width === 0 || box.height === 0 || box.left < 0 || box.right > width) {
                    problems.push(`"${(item.innerText || item.getAttribute("aria-label") || "").trim()}" is hidden or off screen`);
                }
            }
            return problems;
        }
        """;

    [Fact]
    public async Task EveryRoute_ForEveryRole_FitsAPhoneATabletAndALaptop()
    {
        var (urls, unknown) = await RoutesAsync();
        Assert.True(unknown.Count == 0, "Routes with parameters this test has no sample for (add one to Samples): " + string.Join(", ", unknown));
        Assert.True(urls.Count > 80, $"Only {urls.Count} pages were found from the routes.");

        var roles = new (string Role, Func<Task<IPage>> SignIn)[]
        {
            ("anonymous", () => app.NewPageAsync()),
            ("student", () => app.SignedInPageAsync(DemoOptions.Accounts[2].Email, new DemoOptions().Password)),
            ("leader", () => app.SignedInPageAsync(DemoOptions.Accounts[1].Email, new DemoOptions().Password)),
            ("mentor", () => app.SignedInPageAsync(DemoOptions.Accounts[3].Email, new DemoOptions().Password)),
            ("admin", app.AdminPageAsync),
        };
        // The roles side by side, each in its own browser context.
        var visits = await Task.WhenAll(roles.Select(r => VisitAsync(r.Role, r.SignIn, urls)));
        var failures = visits.SelectMany(v => v.Failures).ToList();
        var shownToSomeone = visits.SelectMany(v => v.Shown).ToHashSet(StringComparer.Ordinal);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        // Each sample leads to a real page for someone: a page seen by no role was never checked.
        var unseen = urls.Where(u => !shownToSomeone.Contains(u) && !u.Contains(NoSuchToken, StringComparison.Ordinal)).ToList();
        Assert.True(unseen.Count == 0, "No role was shown these pages: " + string.Join(", ", unseen));
    }

    /// <summary>Each page as one role sees it, at each width: what does not fit, and which pages were shown (not refused or sent to sign in).</summary>
    private async Task<(List<string> Failures, List<string> Shown)> VisitAsync(string role, Func<Task<IPage>> signIn, List<string> urls)
    {
        var failures = new List<string>();
        var shown = new List<string>();
        var page = await signIn();
        foreach (var url in urls)
        {
            var response = await page.GotoAsync(url);
            var status = response?.Status ?? 0;
            if (status >= 500)
            {
                failures.Add($"{url} as {role}: {status}");
                continue;
            }

            if (!Shown(page, status, url))
            {
                continue;
            }

            shown.Add(url);
            if (!IsHtml(response))
            {
                // A type-ahead's JSON, routed like a page: nothing to lay out.
                continue;
            }

            foreach (var width in Widths)
            {
                await page.SetViewportSizeAsync(width, 800);
                foreach (var problem in await page.EvaluateAsync<string[]>(Problems))
                {
                    failures.Add($"{url} as {role} at {width} px: {problem}");
                }

                // The demo leader's hub, for the test results.
                if (role == "leader" && url == "/my/rigs")
                {
                    Directory.CreateDirectory(ScreenshotTests.Folder());
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotTests.Folder(), $"my-rigs-{width}.png"), FullPage = true });
                }
            }

            await page.SetViewportSizeAsync(Widths[^1], 800);
        }

        await page.Context.CloseAsync();
        return (failures, shown);
    }

    /// <summary>
    /// axe on every page, as the first of an admin, the demo leader and a visitor who is shown it: nothing of moderate
    /// impact or worse, outside the Development banner (which only a developer sees).
    /// </summary>
    [Fact]
    public async Task EveryRoute_HasNoModerateOrWorseAccessibilityViolation()
    {
        var (urls, _) = await RoutesAsync();
        var failures = new List<string>();
        var left = urls.ToList();
        foreach (var signIn in new Func<Task<IPage>>[] { app.AdminPageAsync, () => app.SignedInPageAsync(DemoOptions.Accounts[1].Email, new DemoOptions().Password), () => app.NewPageAsync() })
        {
            var page = await signIn();
            foreach (var url in left.ToList())
            {
                var response = await page.GotoAsync(url);
                if (!Shown(page, response?.Status ?? 0, url))
                {
                    continue;
                }

                left.Remove(url);
                if (!IsHtml(response))
                {
                    continue;
                }

                var results = await page.AxeViolationsAsync();
                foreach (var violation in results.Violations.Where(v => v.Impact is "moderate" or "serious" or "critical"))
                {
                    var nodes = violation.Nodes.Where(n => !n.Html.Contains("demo-banner", StringComparison.Ordinal)).ToList();
                    if (nodes.Count > 0)
                    {
                        failures.Add($"{url}: {violation.Id} ({violation.Impact}) {violation.Help} — {string.Join(" | ", nodes.Take(2).Select(n => n.Html.Length > 160 ? n.Html[..160] : n.Html))}");
                    }
                }
            }

            await page.Context.CloseAsync();
        }

        Assert.True(failures.Count == 0, $"{failures.Count} violations:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task TheCheck_FailsWhenAWideTableIsAdded()
    {
        var page = await app.NewPageAsync(375, 800);
        await page.GotoAsync("/rigs");
        Assert.Empty(await page.EvaluateAsync<string[]>(Problems));

        await page.EvaluateAsync(
            """
            () => {
                const table = document.createElement("table");
                table.innerHTML = "<tr>" + "<td style='white-space: nowrap'>Twelve columns of a wide table</td>".repeat(12) + "</tr>";
                document.querySelector("main").append(table);
            }
            """);

        var problems = await page.EvaluateAsync<string[]>(Problems);
        Assert.Contains(problems, p => p.StartsWith("the page is ", StringComparison.Ordinal) && p.Contains("table", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheCheck_FailsWhenANavigationItemIsPushedOffScreen()
    {
        var page = await app.NewPageAsync(1366, 800);
        await page.GotoAsync("/");
        Assert.Empty(await page.EvaluateAsync<string[]>(Problems));

        await page.EvaluateAsync("() => document.querySelector('header .navbar-nav').style.marginLeft = '1400px'");

        Assert.Contains(await page.EvaluateAsync<string[]>(Problems), p => p.Contains("\"Find a RIG\" is hidden or off screen", StringComparison.Ordinal));
    }

    private const string NoSuchToken = "no-such-token";

    /// <summary>Whether the role was shown the page: not refused, nor sent to sign in (that page is checked where it is visited itself).</summary>
    private bool Shown(IPage page, int status, string url)
    {
        var landed = new Uri(page.Url).AbsolutePath;
        var sentToSignIn = landed != new Uri(new Uri(app.BaseUrl), url).AbsolutePath && landed.StartsWith("/Identity/Account/", StringComparison.Ordinal) && !url.StartsWith("/Identity/", StringComparison.Ordinal);
        return status != 403 && (status != 404 || url.StartsWith("/error/", StringComparison.Ordinal)) && !sentToSignIn;
    }

    private static bool IsHtml(IResponse? response) =>
        response?.Headers.TryGetValue("content-type", out var type) == true && type.StartsWith("text/html", StringComparison.Ordinal);

    /// <summary>The URL of every page the app serves by GET: static files, feeds, downloads and the API left out.</summary>
    private async Task<(List<string> Urls, List<string> Unknown)> RoutesAsync()
    {
        var samples = await SamplesAsync();
        var urls = new List<string>();
        var unknown = new List<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = endpoint.RoutePattern.RawText?.TrimStart('/') ?? "";
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            // Controllers' actions and Razor Pages; static files and the health checks are endpoints of their own.
            if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>() is null
                || methods is not null && !methods.Contains(HttpMethods.Get) || !IsPage(template))
            {
                continue;
            }

            if (samples.TryGetValue(template, out var url))
            {
                urls.Add(url);
            }
            else if (!template.Contains('{', StringComparison.Ordinal))
            {
                urls.Add("/" + template);
            }
            else
            {
                unknown.Add(template);
            }
        }

        return ([.. urls.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], unknown);
    }

    private static bool IsPage(string template)
    {
        var last = template.Split('/')[^1];
        string[] notPages = ["Identity/Account/Logout", "Identity/Account/ExternalLogin", "Identity/Account/Manage/DownloadPersonalData"];
        return !notPages.Contains(template)
            && !template.StartsWith("api/", StringComparison.Ordinal)
            // A file: a feed or a download.
            && !last.Contains('.', StringComparison.Ordinal)
            && !template.Contains("/files/", StringComparison.Ordinal) && !template.Contains("/photos/", StringComparison.Ordinal);
    }

    /// <summary>A real value for each route with parameters, from the demo data (the demo leader's own RIG, event, draft and application).</summary>
    private async Task<Dictionary<string, string>> SamplesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var leader = await db.Users.SingleAsync(u => u.Email == DemoOptions.Accounts[1].Email);
        var rig = await db.RigOfficers.Where(o => o.UserId == leader.Id && o.EndedAt == null && o.Rig!.Status == RigStatus.Approved).Select(o => o.Rig!).FirstAsync();
        var rigEvent = await db.Events.Where(e => e.RigId == rig.Id).OrderByDescending(e => e.StartsAt).FirstAsync();
        var acrEvent = await db.Events.Where(e => e.RigId == null).OrderByDescending(e => e.StartsAt).FirstAsync();
        var draft = await db.Rigs.Where(r => r.CreatedByUserId == leader.Id && r.Status == RigStatus.Draft).Select(r => (int?)r.Id).FirstOrDefaultAsync();
        if (draft is null)
        {
            var freeSchool = await db.Schools.Where(s => !db.Rigs.Any(r => r.SchoolId == s.Id)).OrderBy(s => s.Id).FirstAsync();
            var newDraft = new Rig { Slug = "draft-" + freeSchool.Slug, Name = "Radiology Interest Group", SchoolId = freeSchool.Id, CreatedByUserId = leader.Id, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Rigs.Add(newDraft);
            await db.SaveChangesAsync();
            // Its "Started" entry, for the audit log's pages (the demo seed writes none).
            scope.ServiceProvider.GetRequiredService<RigDirectory.Web.Auditing.AuditLog>().Rig(newDraft.Id, AuditAction.Started);
            await db.SaveChangesAsync();
            draft = newDraft.Id;
        }

        var application = await db.FundingApplications.Where(a => a.RigId == rig.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync()
            ?? await db.FundingApplications.Select(a => a.Id).FirstAsync();
        var now = DateTime.UtcNow;
        var call = await db.FundingCalls.Where(c => c.OpensAt <= now && now < c.ClosesAt).OrderBy(c => c.Applications.Any(a => a.RigId == rig.Id)).Select(c => c.Slug).FirstAsync();
        var award = await db.Awards.Select(a => a.Slug).FirstAsync();
        var nomination = await db.Nominations.Select(n => n.Id).FirstAsync();
        var mentor = await db.MentorProfiles.Where(m => m.Status == MentorStatus.Active).Select(m => m.Id).FirstAsync();
        var mentorship = await db.Mentorships.Select(m => m.Id).FirstAsync();
        var pending = await db.Rigs.Where(r => r.Status == RigStatus.Submitted).Select(r => r.Id).FirstAsync();
        var resource = await db.Resources.Select(r => r.Slug).FirstAsync();
        var region = await db.Regions.Select(r => r.Slug).FirstAsync();
        var school = await db.Schools.Select(s => s.Slug).FirstAsync();
        var audit = await db.AuditEntries.OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync();
        var claim = await db.RigClaims.Select(c => (int?)c.Id).FirstOrDefaultAsync();
        if (claim is null)
        {
            var unclaimed = await db.Rigs.Where(r => r.Status == RigStatus.Approved && !r.Officers.Any()).Select(r => r.Id).FirstAsync();
            var request = new RigClaim { RigId = unclaimed, UserId = leader.Id, Position = "President", GraduationYear = DateTime.UtcNow.Year + 2, Message = "I lead this RIG now.", SponsorName = "Dr. Avery Stone", SponsorEmail = "avery.stone@example.edu", CreatedAt = DateTime.UtcNow };
            db.RigClaims.Add(request);
            await db.SaveChangesAsync();
            claim = request.Id;
        }

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // A page that needs its query: which RIG is nominated (and, below, which RIG applies).
            ["awards/nominate"] = $"/awards/nominate?rig={rig.Slug}",
            ["admin/audit/{id:long}"] = $"/admin/audit/{audit}",
            ["admin/awards/nominations/{id:int}"] = $"/admin/awards/nominations/{nomination}",
            ["admin/awards/{slug}"] = $"/admin/awards/{award}",
            ["admin/claims/{id:int}"] = $"/admin/claims/{claim}",
            ["admin/events/{id:int}/attendees"] = $"/admin/events/{acrEvent.Id}/attendees",
            ["admin/events/{id:int}/edit"] = $"/admin/events/{acrEvent.Id}/edit",
            ["admin/funding/applications/{id:int}"] = $"/admin/funding/applications/{application}",
            ["admin/funding/{slug}"] = $"/admin/funding/{call}",
            ["admin/funding/{slug}/edit"] = $"/admin/funding/{call}/edit",
            ["admin/mentoring/mentorships/{id:int}"] = $"/admin/mentoring/mentorships/{mentorship}",
            ["admin/regions/{slug}"] = $"/admin/regions/{region}",
            ["admin/resources/{slug}"] = $"/admin/resources/{resource}",
            ["admin/resources/{slug}/revisions"] = $"/admin/resources/{resource}/revisions",
            ["admin/reviews/mentors/{id:int}"] = $"/admin/reviews/mentors/{mentor}",
            ["admin/reviews/{id:int}"] = $"/admin/reviews/{pending}",
            ["admin/schools/{slug}"] = $"/admin/schools/{school}",
            ["admin/users/{id}"] = $"/admin/users/{leader.Id}",
            ["claims/confirm/{token}"] = $"/claims/confirm/{NoSuchToken}",
            ["invitations/{token}"] = $"/invitations/{NoSuchToken}",
            ["sponsors/confirm/{token}"] = $"/sponsors/confirm/{NoSuchToken}",
            ["verify/{token}"] = $"/verify/{NoSuchToken}",
            ["error/{statusCode:int?}"] = "/error/404",
            ["events/{id:int}"] = $"/events/{rigEvent.Id}",
            ["funding/applications/{id:int}"] = $"/funding/applications/{application}",
            ["funding/applications/{id:int}/report"] = $"/funding/applications/{application}/report",
            ["funding/{slug}"] = $"/funding/{call}",
            ["funding/{slug}/apply"] = $"/funding/{call}/apply?rig={rig.Id}",
            ["mentors/{id:int}"] = $"/mentors/{mentor}",
            ["my/rigs/{id:int}/edit"] = $"/my/rigs/{rig.Id}/edit",
            ["my/rigs/{id:int}/events"] = $"/my/rigs/{rig.Id}/events",
            ["my/rigs/{id:int}/events/new"] = $"/my/rigs/{rig.Id}/events/new",
            ["my/rigs/{id:int}/events/{eventId:int}/attendees"] = $"/my/rigs/{rig.Id}/events/{rigEvent.Id}/attendees",
            ["my/rigs/{id:int}/events/{eventId:int}/edit"] = $"/my/rigs/{rig.Id}/events/{rigEvent.Id}/edit",
            ["my/rigs/{id:int}/interested"] = $"/my/rigs/{rig.Id}/interested",
            ["my/rigs/{id:int}/mentors"] = $"/my/rigs/{rig.Id}/mentors",
            ["register/{id:int}"] = $"/register/{draft}",
            ["register/{id:int}/details"] = $"/register/{draft}/details",
            ["register/{id:int}/officers"] = $"/register/{draft}/officers",
            ["register/{id:int}/review"] = $"/register/{draft}/review",
            ["register/{id:int}/school"] = $"/register/{draft}/school",
            ["register/{id:int}/sponsors"] = $"/register/{draft}/sponsors",
            ["regions/{slug}"] = $"/regions/{region}",
            ["resources/{slug}"] = $"/resources/{resource}",
            ["rigs/{slug}"] = $"/rigs/{rig.Slug}",
            ["rigs/{slug}/claim"] = $"/rigs/{rig.Slug}/claim",
            ["rigs/{slug}/interest"] = $"/rigs/{rig.Slug}/interest",
            ["schools/{slug}"] = $"/schools/{school}",
        };
    }
}
