using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>Sixty approved RIGs, "Bulk RIG 00000" to "Bulk RIG 00059": three pages of the list in each order.</summary>
public sealed class SixtyRigsFactory() : SizedDirectoryFactory(60);

/// <summary>
/// An edited row refreshes only the list pages that show it (in every order) and the filtered ones; the other
/// pages stay cached, so leaders editing their RIGs do not empty the cache readers live on.
/// </summary>
public sealed class ListPageEvictionTests(SixtyRigsFactory factory) : IClassFixture<SixtyRigsFactory>
{
    private static async Task<(bool Cached, string Body)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return (response.Headers.Age is not null, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task VerifyingARigOnPageThree_RefreshesThatPageAndTheVerifiedOrder_PagesOneAndTwoStayCached()
    {
        using var anonymous = factory.CreateNonRedirectingClient();
        string[] urls = ["/rigs", "/rigs?page=2", "/rigs?page=3", "/rigs?sort=Verified", "/rigs?sort=Verified&page=3", "/rigs?q=bulk+rig+0004"];
        foreach (var url in urls)
        {
            await GetAsync(anonymous, url);
            Assert.True((await GetAsync(anonymous, url)).Cached, $"{url} should be cached after a first visit");
        }

        var (leaderId, rigId) = await factory.WithDbAsync(async db =>
        {
            var rig = await db.Rigs.Where(r => r.Slug == "bulk-rig-00045").Select(r => new { r.Id, Leader = r.Officers.Select(o => o.UserId).First() }).SingleAsync();
            return (rig.Leader, rig.Id);
        });
        using var leader = factory.CreateClientAs(leaderId, Roles.RigLeader);

        await leader.SubmitFormExpectingRedirectAsync("/my/rigs", $"form[action='/my/rigs/{rigId}/verify']", new Dictionary<string, string>());

        var verifiedOn = $"verified by its leaders on {factory.Clock.GetUtcNow().ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}";
        var pageThree = await GetAsync(anonymous, "/rigs?page=3");
        Assert.False(pageThree.Cached);
        Assert.Contains(verifiedOn, pageThree.Body, StringComparison.Ordinal);
        var byVerified = await GetAsync(anonymous, "/rigs?sort=Verified");
        Assert.False(byVerified.Cached);
        Assert.Contains("Bulk RIG 00045", byVerified.Body, StringComparison.Ordinal);
        Assert.False((await GetAsync(anonymous, "/rigs?sort=Verified&page=3")).Cached);
        Assert.Contains(verifiedOn, (await GetAsync(anonymous, "/rigs?q=bulk+rig+0004")).Body, StringComparison.Ordinal);
        Assert.True((await GetAsync(anonymous, "/rigs")).Cached, "page 1 does not show the RIG");
        Assert.True((await GetAsync(anonymous, "/rigs?page=2")).Cached, "page 2 does not show the RIG");
    }
}
