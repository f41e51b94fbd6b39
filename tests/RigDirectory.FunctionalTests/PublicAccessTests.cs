using System.Net;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

public sealed class PublicAccessTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/about")]
    [InlineData("/Identity/Account/Login")]
    [InlineData("/Identity/Account/Register")]
    [InlineData("/Identity/Account/ForgotPassword")]
    [InlineData("/healthz")]
    public async Task PublicPage_Anonymous_IsServed(string url)
    {
        using var client = factory.CreateNonRedirectingClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Stylesheets_AreServedUnderFingerprintedAddresses()
    {
        using var client = factory.CreateNonRedirectingClient();
        var home = await client.GetDocumentAsync("/");
        var stylesheet = home.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(h => h.StartsWith("/css/site.", StringComparison.Ordinal));

        using var response = await client.GetAsync(stylesheet);

        Assert.Matches(@"^/css/site\.[a-z0-9]+\.css$", stylesheet);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders()
    {
        using var client = factory.CreateNonRedirectingClient();

        using var response = await client.GetAsync("/");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/rigs")]
    [InlineData("/about")]
    public async Task Head_IsAnsweredLikeGet(string url)
    {
        using var client = factory.CreateNonRedirectingClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task MapScript_AskedForCompressed_ComesWithItsContent()
    {
        using var client = factory.CreateNonRedirectingClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/js/map.js");
        request.Headers.AcceptEncoding.ParseAdd("gzip");

        using var response = await client.SendAsync(request);
        await using var body = await response.Content.ReadAsStreamAsync();
        await using var gzip = new System.IO.Compression.GZipStream(body, System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);

        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("rd-map-tip", await reader.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/coverage")]
    [InlineData("/admin/coverage/coverage.csv")]
    [InlineData("/admin/coverage/history.csv")]
    [InlineData("/admin/contacts/rig-contacts.csv")]
    [InlineData("/admin/contacts/rig-contacts.xlsx")]
    [InlineData("/admin/claims")]
    [InlineData("/admin/claims/1")]
    [InlineData("/admin/audit")]
    [InlineData("/admin/audit/1")]
    [InlineData("/admin/users")]
    [InlineData("/admin/schools")]
    [InlineData("/admin/schools/yale-som")]
    [InlineData("/admin/resources")]
    [InlineData("/admin/resources/new")]
    [InlineData("/admin/funding")]
    [InlineData("/admin/funding/new")]
    [InlineData("/admin/funding/applications/1")]
    [InlineData("/admin/awards")]
    [InlineData("/funding/applications/1")]
    [InlineData("/funding/some-call/apply?rig=1")]
    [InlineData("/awards/nominate?rig=some-rig")]
    [InlineData("/my/rigs")]
    [InlineData("/landing")]
    [InlineData("/Identity/Account/Manage")]
    public async Task PrivatePage_Anonymous_RedirectsToSignInWithReturnUrl(string url)
    {
        using var client = factory.CreateNonRedirectingClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Contains("/Identity/Account/Login", location, StringComparison.Ordinal);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(url), location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin", Roles.Student)]
    [InlineData("/admin", Roles.RigLeader)]
    [InlineData("/admin/coverage", Roles.RigLeader)]
    [InlineData("/admin/coverage/coverage.csv", Roles.RigLeader)]
    [InlineData("/admin/coverage/history.csv", Roles.Mentor)]
    [InlineData("/admin/contacts/rig-contacts.csv", Roles.RigLeader)]
    [InlineData("/admin/contacts/rig-contacts.xlsx", Roles.Student)]
    [InlineData("/admin/claims", Roles.RigLeader)]
    [InlineData("/admin/claims/1", Roles.Student)]
    [InlineData("/admin/audit", Roles.RigLeader)]
    [InlineData("/admin/audit/1", Roles.Mentor)]
    [InlineData("/admin/users", Roles.RigLeader)]
    [InlineData("/admin/schools/yale-som", Roles.Student)]
    [InlineData("/admin/resources/new", Roles.RigLeader)]
    [InlineData("/admin/funding", Roles.RigLeader)]
    [InlineData("/admin/funding/new", Roles.RigLeader)]
    [InlineData("/admin/funding/applications/1", Roles.RigLeader)]
    [InlineData("/admin/awards", Roles.RigLeader)]
    [InlineData("/admin/awards/nominations/1", Roles.RigLeader)]
    [InlineData("/funding/applications/1", Roles.Student)]
    [InlineData("/awards/nominate?rig=some-rig", Roles.Student)]
    public async Task AdminPage_AsNonAdmin_IsForbidden(string url, string role)
    {
        using var client = factory.CreateClientAs($"{role}-1", role);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminConsole_AsAdmin_ShowsCoverage()
    {
        using var client = factory.CreateClientAs("admin-1", Roles.AcrAdmin);

        var page = await client.GetDocumentAsync("/admin");

        Assert.Equal("Admin console", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("284", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navigation_ChangesWithRole()
    {
        using var anonymous = factory.CreateNonRedirectingClient();
        using var student = factory.CreateClientAs("student-2", Roles.Student);
        using var admin = factory.CreateClientAs("admin-2", Roles.AcrAdmin);

        var anonymousNav = (await anonymous.GetDocumentAsync("/")).QuerySelector("nav")!.TextContent;
        var studentNav = (await student.GetDocumentAsync("/")).QuerySelector("nav")!.TextContent;
        var adminNav = (await admin.GetDocumentAsync("/")).QuerySelector("nav")!.TextContent;

        Assert.Contains("Sign in", anonymousNav, StringComparison.Ordinal);
        Assert.DoesNotContain("My RIGs", anonymousNav, StringComparison.Ordinal);
        Assert.Contains("My RIGs", studentNav, StringComparison.Ordinal);
        Assert.DoesNotContain("Admin", studentNav, StringComparison.Ordinal);
        Assert.Contains("Admin", adminNav, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/no/such/page.txt")]
    public async Task UnknownPage_IsAFriendly404(string url)
    {
        using var client = factory.CreateNonRedirectingClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal("We could not find that page", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = factory.CreateNonRedirectingClient();

        using var response = await client.PostAsync("/Identity/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "someone@example.org",
            ["Input.Password"] = "whatever-password",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Home_Anonymous_ShowsRegionsWithCountsAndNoDemoBanner()
    {
        using var client = factory.CreateNonRedirectingClient();

        var page = await client.GetDocumentAsync("/");

        var rows = page.QuerySelectorAll("table tbody tr");
        Assert.Equal(11, rows.Length);
        Assert.Contains(rows, row => row.TextContent.Contains("Atlantic Canada", StringComparison.Ordinal));
        Assert.Null(page.QuerySelector(".demo-banner"));
    }
}
