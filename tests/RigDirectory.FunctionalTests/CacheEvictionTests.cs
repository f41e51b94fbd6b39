using System.Net;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>
/// A change evicts only the cached pages that show it: the changed RIG's pages are fresh at once, every other
/// page stays cached. Cache entries ignore query parameters a page does not read, and hold compressed bytes.
/// </summary>
public sealed class CacheEvictionTests(DirectoryFactory factory) : IClassFixture<DirectoryFactory>
{
    /// <summary>Whether the output cache answered (it adds an <c>Age</c> header), and the page.</summary>
    private static async Task<(bool Cached, string Body)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        return (response.Headers.Age is not null, body);
    }

    [Fact]
    public void OutputCache_KeepsToItsConfiguredSize()
    {
        var options = factory.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value;

        Assert.Equal(16L * 1024 * 1024, options.SizeLimit);
    }

    private static async Task WarmAsync(HttpClient client, params string[] urls)
    {
        foreach (var url in urls)
        {
            await GetAsync(client, url);
            Assert.True((await GetAsync(client, url)).Cached, $"{url} should be cached after a first visit");
        }
    }

    private Task<string> RegionOfAsync(string schoolSlug) =>
        factory.WithDbAsync(db => db.Schools.Where(s => s.Slug == schoolSlug).Select(s => s.Jurisdiction!.Region!.Slug).SingleAsync());

    [Fact]
    public async Task LeadersVerifyingTheirRig_RefreshesItsProfileAndTheList_OtherPagesStayCached()
    {
        using var anonymous = factory.CreateNonRedirectingClient();
        var region = $"/regions/{await RegionOfAsync("harvard-medical-school")}";
        await WarmAsync(anonymous, "/rigs/boston-radiology-society", "/rigs?q=boston", "/rigs/chicago-imaging-club", "/", "/schools/harvard-medical-school", region);
        var (leaderId, rigId) = await factory.WithDbAsync(async db =>
            (await db.Users.Where(u => u.Email == DirectoryFactory.OfficerEmail).Select(u => u.Id).SingleAsync(),
             await db.Rigs.Where(r => r.Slug == "boston-radiology-society").Select(r => r.Id).SingleAsync()));
        using var leader = factory.CreateClientAs(leaderId, Roles.RigLeader);

        await leader.SubmitFormExpectingRedirectAsync("/my/rigs", $"form[action='/my/rigs/{rigId}/verify']", new Dictionary<string, string>());

        var profile = await GetAsync(anonymous, "/rigs/boston-radiology-society");
        Assert.False(profile.Cached);
        Assert.Contains($"Verified by its leaders on {Web.Domain.EventTimeZones.Day(factory.Clock.GetUtcNow().UtcDateTime)}", profile.Body, StringComparison.Ordinal);
        var list = await GetAsync(anonymous, "/rigs?q=boston");
        Assert.False(list.Cached);
        Assert.Contains($"verified by its leaders on {factory.Clock.GetUtcNow().ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}", list.Body, StringComparison.Ordinal);
        foreach (var untouched in new[] { "/rigs/chicago-imaging-club", "/", "/schools/harvard-medical-school", region })
        {
            Assert.True((await GetAsync(anonymous, untouched)).Cached, $"{untouched} should have stayed cached");
        }
    }

    [Fact]
    public async Task ArchivingARig_RefreshesTheMapItsSchoolRegionAndTheList_OtherRigsStayCached()
    {
        using var anonymous = factory.CreateNonRedirectingClient();
        var region = $"/regions/{await RegionOfAsync("tourocom-harlem")}";
        await WarmAsync(anonymous, "/rigs/osteopathic-imaging", "/schools/tourocom-harlem", region, "/", "/rigs?q=osteopathic", "/rigs/montreal-rig");
        var id = await factory.WithDbAsync(db => db.Rigs.Where(r => r.Slug == "osteopathic-imaging").Select(r => r.Id).SingleAsync());
        using var admin = factory.CreateClientAs("eviction-admin", Roles.AcrAdmin);

        await admin.SubmitFormExpectingRedirectAsync($"/admin/reviews/{id}", "#status-form", new Dictionary<string, string> { ["Status.Note"] = "The group closed." });

        using (var gone = await anonymous.GetAsync("/rigs/osteopathic-imaging"))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        var school = await GetAsync(anonymous, "/schools/tourocom-harlem");
        Assert.False(school.Cached);
        Assert.Contains("No RIG yet", school.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Osteopathic Imaging Society", (await GetAsync(anonymous, region)).Body, StringComparison.Ordinal);
        Assert.False((await GetAsync(anonymous, "/")).Cached);
        Assert.DoesNotContain("Osteopathic Imaging Society", (await GetAsync(anonymous, "/rigs?q=osteopathic")).Body, StringComparison.Ordinal);
        Assert.True((await GetAsync(anonymous, "/rigs/montreal-rig")).Cached);
    }

    [Fact]
    public async Task UnknownQueryParameters_ShareTheCacheEntry_AndTheSearchsOwnDoNot()
    {
        using var anonymous = factory.CreateNonRedirectingClient();
        await WarmAsync(anonymous, "/rigs/chicago-imaging-club", "/rigs?q=imaging");

        Assert.True((await GetAsync(anonymous, "/rigs/chicago-imaging-club?utm_source=newsletter&fbclid=abc")).Cached);
        Assert.True((await GetAsync(anonymous, "/rigs?q=imaging&utm_campaign=spring")).Cached);
        Assert.False((await GetAsync(anonymous, "/rigs?q=imaging&sort=School")).Cached);
    }

    [Theory]
    [InlineData("br, gzip", "br")]
    [InlineData("gzip, deflate", "gzip")]
    [InlineData("gzip;q=1, br;q=0.5", "gzip")]
    public async Task CachedPages_AreStoredCompressed_OnePerEncoding(string acceptEncoding, string expected)
    {
        using var anonymous = factory.CreateNonRedirectingClient();
        async Task<HttpResponseMessage> GetCompressedAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/rigs/chicago-imaging-club");
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            return await anonymous.SendAsync(request);
        }

        using var first = await GetCompressedAsync();
        using var second = await GetCompressedAsync();
        using var plain = await anonymous.GetAsync("/rigs/chicago-imaging-club");

        Assert.Equal([expected], second.Content.Headers.ContentEncoding);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains("Chicago Imaging Club", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarFeeds_AreStoredCompressed_AndServedFromTheCache()
    {
        using var anonymous = factory.CreateNonRedirectingClient();
        async Task<HttpResponseMessage> GetFeedAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/events/acr.ics");
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
            return await anonymous.SendAsync(request);
        }

        using var first = await GetFeedAsync();
        using var second = await GetFeedAsync();

        Assert.Equal(["gzip"], second.Content.Headers.ContentEncoding);
        Assert.NotNull(second.Headers.Age);
        await using var unzipped = new System.IO.Compression.GZipStream(await second.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(unzipped);
        Assert.StartsWith("BEGIN:VCALENDAR", await reader.ReadToEndAsync(), StringComparison.Ordinal);
    }
}
