using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Testing;

namespace RigDirectory.FunctionalTests;

/// <summary>What a proxy or orchestrator asks: is the process up (<c>/healthz</c>), can it serve (<c>/readyz</c>).</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Liveness_AnswersHealthy_WithoutTouchingTheDatabase()
    {
        using var factory = new RigDirectoryFactory();
        using var client = factory.CreateNonRedirectingClient();
        await client.GetAsync("/healthz");
        factory.Commands.Reset();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, factory.Commands.Count);
    }

    [Fact]
    public async Task Readiness_ReportsEachCheckByStatusOnly()
    {
        using var factory = new RigDirectoryFactory();
        using var client = factory.CreateNonRedirectingClient();

        using var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("""{"status":"Healthy","checks":{"database":"Healthy"},"pendingMigrations":0}""", body.RootElement.GetRawText());
    }

    [Fact]
    public async Task Readiness_FailsWhileTheDatabaseLacksAMigration_AndSaysHowMany()
    {
        using var factory = new RigDirectoryFactory();
        using var client = factory.CreateNonRedirectingClient();
        var latest = await factory.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().Last()));
        // As if an older build's schema were still in place.
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM __EFMigrationsHistory WHERE MigrationId = {latest}"));

        using var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("""{"status":"Unhealthy","checks":{"database":"Unhealthy"},"pendingMigrations":1}""", text);
        Assert.DoesNotContain(latest, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Probes_OverPlainHttp_AreAnswered_WhileEverythingElseGoesToHttps(string path)
    {
        using var factory = new RigDirectoryFactory();
        using var client = factory.CreateNonRedirectingClient();
        client.BaseAddress = new Uri("http://localhost");

        using var probe = await client.GetAsync(path);
        using var page = await client.GetAsync("/about");

        Assert.True(probe.StatusCode == HttpStatusCode.OK, await probe.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.PermanentRedirect, page.StatusCode);
        Assert.Equal("https://localhost/about", page.Headers.Location?.ToString());
    }
}

/// <summary>Redis configured but out of reach: the site serves uncached, and only readiness says so.</summary>
public sealed class RedisDownTests : IDisposable
{
    private readonly RedisDownFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task PagesAreServed_AndReadinessReportsRedisUnhealthy()
    {
        using var client = _factory.CreateNonRedirectingClient();

        using var list = await client.GetAsync("/rigs");
        using var again = await client.GetAsync("/rigs");
        using var events = await client.GetAsync("/events");
        using var ready = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("""{"status":"Unhealthy","checks":{"database":"Healthy","redis":"Unhealthy"},"pendingMigrations":0}""", await ready.Content.ReadAsStringAsync());
    }

    /// <summary>Redis named on a port nothing listens on.</summary>
    private sealed class RedisDownFactory : RigDirectoryFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Redis:Configuration"] = "127.0.0.1:1,connectTimeout=200" };
    }
}
