using System.Net;
using RigDirectory.FunctionalTests.Infrastructure;

namespace RigDirectory.FunctionalTests;

/// <summary>Browser tabs and home screens show the app's icon; links shared elsewhere preview with a title, a description and an image.</summary>
public sealed class SharingTests(DirectoryFactory factory) : IClassFixture<DirectoryFactory>
{
    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    [InlineData("/apple-touch-icon.png", "image/png")]
    [InlineData("/icon-512.png", "image/png")]
    [InlineData("/site.webmanifest", "application/manifest+json")]
    public async Task Icons_AreServed(string url, string contentType)
    {
        using var client = factory.CreateNonRedirectingClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }

    [Fact]
    public async Task EveryPage_LinksTheIcons()
    {
        using var client = factory.CreateNonRedirectingClient();

        var page = await client.GetDocumentAsync("/rigs");

        Assert.NotNull(page.QuerySelector("link[rel='icon'][href='/favicon.ico']"));
        Assert.NotNull(page.QuerySelector("link[rel='apple-touch-icon']"));
        Assert.NotNull(page.QuerySelector("link[rel='manifest']"));
    }

    [Fact]
    public async Task Profile_PreviewsWithItsNameSchoolAndAnAbsoluteAddressFromThePublicBaseUrl()
    {
        // The test client asks over http; the configured public base URL is https.
        using var client = factory.CreateNonRedirectingClient();

        var page = await client.GetDocumentAsync("/rigs/boston-radiology-society");

        string? Meta(string selector) => page.QuerySelector(selector)?.GetAttribute("content");
        Assert.StartsWith("Boston Radiology Society", Meta("meta[property='og:title']"), StringComparison.Ordinal);
        Assert.Contains("Harvard Medical School", Meta("meta[name='description']"), StringComparison.Ordinal);
        Assert.Equal(Meta("meta[name='description']"), Meta("meta[property='og:description']"));
        Assert.Equal($"{RigDirectoryFactory.PublicBaseUrl}rigs/boston-radiology-society", Meta("meta[property='og:url']"));
        Assert.Equal($"{RigDirectoryFactory.PublicBaseUrl}icon-512.png", Meta("meta[property='og:image']"));
    }

    [Theory]
    [InlineData("/schools/bu-chobanian-avedisian-som", "has no radiology interest group in the directory yet")]
    [InlineData("/schools/tufts-som", "A radiology interest group is being registered at Tufts")]
    [InlineData("/regions/us-region-7", "Radiology interest groups in Region 7 (Northeast)")]
    [InlineData("/", "The national directory of radiology interest groups")]
    public async Task PublicPages_HaveADescriptionOfTheirOwn(string url, string expected)
    {
        using var client = factory.CreateNonRedirectingClient();

        var page = await client.GetDocumentAsync(url);

        Assert.Contains(expected, page.QuerySelector("meta[name='description']")!.GetAttribute("content"), StringComparison.Ordinal);
    }
}
