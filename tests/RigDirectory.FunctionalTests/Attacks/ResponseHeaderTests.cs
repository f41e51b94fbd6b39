using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests.Attacks;

/// <summary>
/// Threat: a shared computer's browser cache or a proxy keeps a signed-in page; injected markup gets styles or
/// powerful browser features to work with. Controls: no-store for signed-in pages, a CSP without inline styles,
/// Permissions-Policy and Cross-Origin-Opener-Policy on every response.
/// </summary>
public sealed class ResponseHeaderTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    [Fact]
    public async Task SignedInPages_AreNoStore_PublicPagesAreNot()
    {
        using var anonymous = factory.CreateNonRedirectingClient();
        using var student = factory.CreateClientAs("headers-student", Roles.Student);

        using var publicPage = await anonymous.GetAsync("/about");
        using var signedInPage = await student.GetAsync("/about");

        Assert.False(publicPage.Headers.CacheControl?.NoStore ?? false);
        Assert.True(signedInPage.Headers.CacheControl?.NoStore, "a signed-in page without Cache-Control: no-store");
    }

    [Fact]
    public async Task EveryResponse_CarriesTheBrowserHardeningHeaders()
    {
        using var client = factory.CreateNonRedirectingClient();

        using var response = await client.GetAsync("/");

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("camera=()", string.Join(' ', response.Headers.GetValues("Permissions-Policy")), StringComparison.Ordinal);
        Assert.Equal("same-origin", response.Headers.GetValues("Cross-Origin-Opener-Policy").Single());
        Assert.DoesNotContain(" style=\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>
/// Threat: a visitor reaches the site over plain HTTP (a typed address, a downgrade on a café network). Controls:
/// every plain-HTTP request is redirected to HTTPS with its method kept (never a 500 from the Secure antiforgery
/// cookie), and browsers are told to keep to HTTPS for a year, subdomains included.
/// </summary>
public sealed class TransportSecurityTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Theory]
    [InlineData("GET", "/Identity/Account/Login")]
    [InlineData("POST", "/Identity/Account/Login")]
    [InlineData("GET", "/Identity/Account/Register")]
    [InlineData("GET", "/")]
    public async Task APlainHttpRequest_IsRedirectedToHttps_WithItsMethodKept(string method, string path)
    {
        using var client = factory.CreatePlainHttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "someone@example.org", ["Input.Password"] = "whatever it is" });
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal($"https://{ProductionFactory.Host}{path}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task BehindTheProxy_ARequestForwardedAsPlainHttp_IsRedirected_AndAnHttpsOneIsServed()
    {
        using var client = factory.CreatePlainHttpClient();
        using var plain = new HttpRequestMessage(HttpMethod.Get, "/Identity/Account/Login");
        plain.Headers.Add("X-Forwarded-Proto", "http");
        using var secure = new HttpRequestMessage(HttpMethod.Get, "/Identity/Account/Login");
        secure.Headers.Add("X-Forwarded-Proto", "https");

        using var redirected = await client.SendAsync(plain);
        using var served = await client.SendAsync(secure);

        Assert.Equal(System.Net.HttpStatusCode.PermanentRedirect, redirected.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task HttpsResponses_TellBrowsersToKeepToHttpsForAYear_SubdomainsIncluded()
    {
        using var client = factory.CreatePlainHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/about");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        Assert.Equal("max-age=31536000; includeSubDomains", response.Headers.GetValues("Strict-Transport-Security").Single());
    }
}

