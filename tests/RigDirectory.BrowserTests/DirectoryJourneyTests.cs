using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RigDirectory.BrowserTests.Infrastructure;
using RigDirectory.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace RigDirectory.BrowserTests;

public sealed class DirectoryJourneyTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    private Task<(string Slug, string Name)> SchoolWithoutRigInAsync(string region) => app.WithDbAsync(db =>
        db.Schools.Where(s => s.Jurisdiction!.Region!.Slug == region && !s.Rigs.Any(r => r.Status == RigStatus.Approved))
            .OrderBy(s => s.Name).Select(s => ValueTuple.Create(s.Slug, s.Name)).FirstAsync());

    private Task<(string Slug, string Name, string City)> ApprovedRigAsync() => app.WithDbAsync(db =>
        db.Rigs.Where(r => r.Status == RigStatus.Approved && r.School!.City == "Chicago")
            .OrderBy(r => r.Name).Select(r => ValueTuple.Create(r.Slug, r.Name, r.School!.City)).FirstAsync());

    [Fact]
    public async Task Student_ExploresTheMap_FindsASchoolWithoutRig_AndSearchesForARigByCity()
    {
        var page = await app.NewPageAsync();
        var (schoolSlug, schoolName) = await SchoolWithoutRigInAsync("us-region-2");
        var (rigSlug, rigName, city) = await ApprovedRigAsync();

        await page.GotoAsync("/");
        var (x, y) = await BrowserAppFactory.VisiblePointOfShapeAsync(page, "US-IA");
        await page.Mouse.ClickAsync(x, y);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Region 2 (Upper Midwest)", Level = 1 })).ToBeVisibleAsync();

        // Campuses of one school share its name, so the row's link is picked by where it leads.
        var schoolLink = page.Locator($"table a[href='/schools/{schoolSlug}']");
        await Expect(schoolLink).ToHaveTextAsync(schoolName);
        await schoolLink.ClickAsync();
        await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/schools/{schoolSlug}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "No RIG yet — start one here" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "RigDirectory", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search RIGs" }).FillAsync(city);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.Locator("#result-count")).ToContainTextAsync("Showing 1–");
        // Demo RIGs in one city can share a name, so the result is picked by where it leads.
        var rigLink = page.Locator($".rig-results a[href='/rigs/{rigSlug}']");
        await Expect(rigLink).ToHaveTextAsync(rigName);
        await rigLink.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = rigName, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync($"{city},");
    }

    [Fact]
    public async Task Map_ShowsNameAndCounts_OnHoverAndOnKeyboardFocus()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");

        var (x, y) = await BrowserAppFactory.VisiblePointOfShapeAsync(page, "US-ME");
        await page.Mouse.MoveAsync(x, y);
        await Expect(page.Locator(".rd-map-tip")).ToContainTextAsync("Region 7 (Northeast):");

        await page.Locator("svg a[href='/regions/canada-quebec']").FocusAsync();
        await Expect(page.Locator(".rd-map-tip")).ToContainTextAsync("Quebec:");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/regions/canada-quebec");
    }

    [Fact]
    public async Task Map_RegionsAreOneTabStop_AndArrowKeysMoveBetweenThem()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        var regions = page.Locator(".rd-map-regions a.rd-region");
        const string Focused = "() => document.activeElement?.getAttribute('href')";

        // One region is in the tab order; the others wait for the arrow keys.
        await Expect(page.Locator(".rd-map-regions a.rd-region[tabindex='0']")).ToHaveCountAsync(1);
        Assert.Equal(await regions.CountAsync() - 1, await page.Locator(".rd-map-regions a.rd-region[tabindex='-1']").CountAsync());

        const string Centre = "() => { const b = document.activeElement.getBBox(); return [b.x + b.width / 2, b.y + b.height / 2]; }";
        await page.Locator("svg a[href='/regions/canada-ontario']").FocusAsync();
        var ontario = await page.EvaluateAsync<double[]>(Centre);
        await page.Keyboard.PressAsync("ArrowRight");
        var east = await page.EvaluateAsync<double[]>(Centre);
        Assert.NotEqual("/regions/canada-ontario", await page.EvaluateAsync<string>(Focused));
        Assert.True(east[0] > ontario[0], "ArrowRight moved to a region further east.");
        await page.Keyboard.PressAsync("ArrowDown");
        var south = await page.EvaluateAsync<double[]>(Centre);
        Assert.True(south[1] > east[1], "ArrowDown moved to a region further south.");
        await page.Keyboard.PressAsync("Home");
        Assert.Equal("/regions/us-region-1", await page.EvaluateAsync<string>(Focused));

        // Tab leaves the map rather than walking through every region.
        await page.Keyboard.PressAsync("Tab");
        Assert.False(await page.EvaluateAsync<bool>("() => !!document.activeElement?.closest('.rd-map-regions')"));
    }

    [Fact]
    public async Task Map_SchoolMarker_ShowsItsNameOnHover_AndOpensTheSchoolOnClick()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");

        var marker = page.Locator("svg use[data-s='memorial-fom']");
        await marker.HoverAsync();
        await Expect(page.Locator(".rd-map-tip")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Memorial University of Newfoundland Faculty of Medicine \\(St\\. John's, NL\\): (has a RIG|no RIG yet)$"));
        await marker.ClickAsync();

        await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/schools/memorial-fom");
    }

    [Fact]
    public async Task Home_OnAPhone_TheSearchIsOnTheFirstScreen_AboveTheMap()
    {
        var page = await app.NewPageAsync(375, 667);
        await page.GotoAsync("/");

        var search = await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search RIGs" }).BoundingBoxAsync();
        var map = await page.Locator(".rd-map-svg").BoundingBoxAsync();
        Assert.True(search!.Y + search.Height <= 667, $"The search is below the first screen, at {search.Y} px.");
        Assert.True(search.Y < map!.Y, "The search is below the map.");
    }

    [Fact]
    public async Task Map_OnAPhone_EverySchoolIsA24PixelTarget_AndSchoolsCloseTogetherAreOneClusterThatZoomsIn()
    {
        var page = await app.NewPageAsync(375, 800);
        await page.GotoAsync("/");

        // Every target on screen (a school's circle, or a cluster's) is at least 24 x 24 px (WCAG 2.2, 2.5.8).
        var smallest = await page.EvaluateAsync<double>(
            "() => Math.min(...[...document.querySelectorAll('.rd-map-hits circle, .rd-cluster circle')].map(c => { const b = c.getBoundingClientRect(); return Math.min(b.width, b.height); }))");
        Assert.True(smallest >= 23.5, $"A map target is {smallest:0.#} px across.");
        var clusters = page.Locator(".rd-cluster");
        Assert.True(await clusters.CountAsync() > 0, "No schools were clustered on a phone-sized national map.");
        var viewBefore = await page.Locator(".rd-map-svg").GetAttributeAsync("viewBox");

        // The biggest cluster: clicked, the map closes in on it and its schools are listed as links.
        var biggest = await page.EvaluateAsync<int>("() => { const all = [...document.querySelectorAll('.rd-cluster')]; return all.indexOf(all.reduce((a, b) => +a.dataset.count >= +b.dataset.count ? a : b)); }");
        var count = int.Parse((await clusters.Nth(biggest).GetAttributeAsync("data-count"))!, System.Globalization.CultureInfo.InvariantCulture);
        var members = (await clusters.Nth(biggest).GetAttributeAsync("data-members"))!.Split(' ');
        await clusters.Nth(biggest).Locator("circle").ClickAsync(new() { Force = true });

        Assert.NotEqual(viewBefore, await page.Locator(".rd-map-svg").GetAttributeAsync("viewBox"));
        await Expect(page.Locator(".rd-map-picked a")).ToHaveCountAsync(count);
        // Zoomed in, some of its schools stand on their own (the rest in smaller clusters).
        var alone = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.rd-map-hits circle')].map(c => c.dataset.s)");
        Assert.Contains(alone, members.Contains);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the whole map" }).ClickAsync();
        Assert.Equal(viewBefore, await page.Locator(".rd-map-svg").GetAttributeAsync("viewBox"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/rigs")]
    [InlineData("/regions/us-region-4")]
    [InlineData("/schools/harvard-medical-school")]
    public async Task Page_HasNoSeriousOrCriticalAccessibilityViolations(string url)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(url);

        var results = await page.AxeViolationsAsync();

        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    [Fact]
    public async Task Profile_HasNoSeriousOrCriticalAccessibilityViolations()
    {
        var slug = await app.WithDbAsync(db => db.Rigs.Where(r => r.Status == RigStatus.Approved).OrderBy(r => r.Slug).Select(r => r.Slug).FirstAsync());
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/rigs/{slug}");

        var results = await page.AxeViolationsAsync();

        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help}")));
    }

    [Fact]
    public async Task Phone_MapAndListWorkAt375PixelsWide()
    {
        var page = await app.NewPageAsync(width: 375, height: 740);

        await page.GotoAsync("/");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The home page scrolls sideways at 375 px.");
        var map = await page.Locator("svg.rd-map-svg").BoundingBoxAsync();
        Assert.NotNull(map);
        Assert.InRange(map.Width, 250, 375);
        var (x, y) = await BrowserAppFactory.VisiblePointOfShapeAsync(page, "US-TX");
        await page.Mouse.ClickAsync(x, y);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Region 3 (South Central)", Level = 1 })).ToBeVisibleAsync();

        await page.GotoAsync("/rigs");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The RIG list scrolls sideways at 375 px.");
        // Results come first: the filters wait behind a button, and the school's map stays a small locator.
        await Expect(page.GetByLabel("Country")).ToBeHiddenAsync();
        await Expect(page.Locator(".rig-results li").First).ToBeInViewportAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Filters" }).ClickAsync();
        await page.GetByLabel("Country").SelectOptionAsync("CA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("country=CA"));
        await Expect(page.Locator(".rig-results li").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Filters (1 on)" })).ToBeVisibleAsync();

        await page.GotoAsync("/schools/harvard-medical-school");
        var schoolMap = await page.Locator("svg.rd-map-svg").BoundingBoxAsync();
        Assert.NotNull(schoolMap);
        Assert.InRange(schoolMap.Height, 50, 201);
    }
}
