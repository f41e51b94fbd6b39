using RigDirectory.BrowserTests.Infrastructure;

namespace RigDirectory.BrowserTests;

/// <summary>What the real server (Kestrel, which the in-memory functional tests never run) sends about itself.</summary>
public sealed class ServerHeaderTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [Fact]
    public async Task Responses_NameNoServerSoftware()
    {
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };

        using var response = await client.GetAsync("/");

        Assert.True(response.IsSuccessStatusCode);
        Assert.False(response.Headers.Contains("Server"), "the Server header tells an attacker what to look up");
    }
}
