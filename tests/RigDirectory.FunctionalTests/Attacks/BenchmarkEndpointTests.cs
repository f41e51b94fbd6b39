using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RigDirectory.Web.Domain;

namespace RigDirectory.FunctionalTests.Attacks;

/// <summary>
/// Threat: the benchmark's actors left reachable: a sign-in without a password and writes without a session.
/// Control: they live in the benchmark host (tests/Benchmarks/Host), not in the app's assembly, so no setting of a
/// deployed app (not even its environment name) can map them: every such address is a 404.
/// </summary>
public sealed class BenchmarkEndpointTests(RigDirectoryFactory production, DevelopmentFactory development)
    : IClassFixture<RigDirectoryFactory>, IClassFixture<DevelopmentFactory>
{
    [Theory]
    [InlineData("POST", "/benchmark/sign-in/1")]
    [InlineData("POST", "/benchmark/write/1")]
    [InlineData("GET", "/benchmark/writes/committed")]
    [InlineData("GET", "/benchmark/raw/rigs")]
    [InlineData("GET", "/benchmark/raw/mentors")]
    [InlineData("GET", "/benchmark/baseline?bytes=10")]
    public async Task BenchmarkEndpoints_OutsideTheBenchmarkEnvironment_DoNotExist(string method, string url)
    {
        foreach (var factory in new RigDirectoryFactory[] { production, development })
        {
            await SeedWhatTheEndpointsWouldUseAsync(factory);
            using var client = factory.CreateNonRedirectingClient();
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{url} must not sign anyone in");
        }
    }

    [Fact]
    public void TheAppsAssembly_HoldsNoBenchmarkEndpoint_AndMapsNoBenchmarkRoute()
    {
        Assert.DoesNotContain(typeof(Program).Assembly.GetTypes(), t => t.Name.Contains("BenchmarkEndpoints", StringComparison.Ordinal));
        var routes = development.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText ?? "");
        Assert.DoesNotContain(routes, r => r.TrimStart('/').StartsWith("benchmark", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The officer and RIG the endpoints would act on, so that only their absence can answer 404.</summary>
    private static Task SeedWhatTheEndpointsWouldUseAsync(RigDirectoryFactory factory) => factory.WithDbAsync(async db =>
    {
        if (await db.Users.AnyAsync(u => u.Id == "benchmark-officer-001"))
        {
            return;
        }

        var officer = new ApplicationUser { Id = "benchmark-officer-001", UserName = "officer001@bench.example", Email = "officer001@bench.example", EmailConfirmed = true, DisplayName = "Officer 001", SecurityStamp = "s" };
        db.Users.Add(officer);
        db.Rigs.Add(await TestRigs.MakeAsync(db, "benchmark-rig-00001", "Bench RIG", "yale-som", RigStatus.Approved, r =>
            r.Officers.Add(new RigOfficer { UserId = officer.Id, Position = "President", GraduationYear = 2028 })));
        await db.SaveChangesAsync();
    });
}
