using System.Net;
using RigDirectory.FunctionalTests.Infrastructure;

namespace RigDirectory.ScaleOutTests;

/// <summary>Two instances sharing Redis, with a tight limit on account posts: 8 per client address in 5 minutes, whatever the account.</summary>
public sealed class TwoLimitedInstances : IAsyncLifetime
{
    public const int AccountPosts = 8;

    private readonly string _folder = Path.Combine(Prepared.Work, $"limits-{Guid.NewGuid():N}");

    public TwoLimitedInstances()
    {
        Directory.CreateDirectory(_folder);
        var database = Path.Combine(_folder, "rigdirectory.db");
        var mail = Path.Combine(_folder, "mail");
        // Their own keys in the shared Redis: the other test classes (run alongside) sign in from 127.0.0.1 as well, and
        // their posts would count against this pair's tight limit before its first post.
        var limits = new Dictionary<string, string>
        {
            ["RateLimiting__AccountPostsPerAddress"] = AccountPosts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Redis__InstanceName"] = $"limits-{Guid.NewGuid():N}:",
        };
        A = new Instance("A", database, mail, Prepared.Redis, "https://rigdirectory.test/", settings: limits);
        B = new Instance("B", database, mail, Prepared.Redis, "https://rigdirectory.test/", settings: limits);
    }

    public Instance A { get; }

    public Instance B { get; }

    public async Task InitializeAsync()
    {
        await A.StartAsync();
        await B.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}

/// <summary>
/// Rate limits and the unknown-account lockout are counted in Redis, so two instances behind a balancer enforce one
/// limit between them; counted per instance, each would allow the whole limit and the lockout would never come.
/// </summary>
public sealed class SharedLimitsTests(TwoLimitedInstances cluster) : IClassFixture<TwoLimitedInstances>
{
    [Fact]
    public async Task TwoInstancesSharingRedis_EnforceOneLimit_AndOneUnknownAccountLockout()
    {
        var jar = new CookieContainer();
        using var onA = cluster.A.Client(jar);
        using var onB = cluster.B.Client(jar);
        var clients = new[] { onA, onB };

        // Five failed sign-ins for an address with no account, alternating instances (3 on A, 2 on B): the fifth locks
        // it out, as five on one instance would.
        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await CookieSignIn.PasswordAsync(clients[i % 2], "nobody.here@example.org", "guessing password " + i);
            answers.Add(response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location!.OriginalString : response.StatusCode.ToString());
        }

        Assert.Equal(["OK", "OK", "OK", "OK"], answers.Take(4));
        Assert.Contains("/Identity/Account/Lockout", answers[4], StringComparison.Ordinal);

        // Three more posts fill the limit of 8 between them; the next, on either instance, is refused.
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await CookieSignIn.PasswordAsync(clients[i % 2], $"someone{i}@example.org", "another guess");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        foreach (var client in clients)
        {
            using var refused = await CookieSignIn.PasswordAsync(client, "someone.else@example.org", "another guess");
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a refusal says when to try again");
        }
    }
}
