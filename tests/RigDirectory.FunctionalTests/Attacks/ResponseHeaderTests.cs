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
