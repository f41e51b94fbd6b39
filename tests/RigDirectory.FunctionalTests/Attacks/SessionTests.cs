using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests.Attacks;

/// <summary>
/// Threat: a session outlives what should end it: a stolen cookie keeps working after the victim changes their
/// password, a removed admin keeps admin pages for a minute, an admin's unattended browser stays signed in. Controls
/// (ASVS L2): the security stamp is checked on every request; admin sessions end after 30 idle minutes or 12 hours.
/// </summary>
public sealed class SessionTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    private const string Password = "session test password";

    private async Task<(ApplicationUser User, HttpClient Client)> SignedInStudentAsync()
    {
        var email = $"session.{Guid.NewGuid():N}@example.org";
        var user = await factory.CreateUserAsync(email, Password, emailConfirmed: true, Roles.Student);
        var client = factory.CreateNonRedirectingClient();
        await CookieSignIn.PasswordAsync(client, email, Password).AcceptedAsync();
        using var signedIn = await client.GetAsync("/register");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        return (user, client);
    }

    private async Task ChangeAsync(string userId, Func<UserManager<ApplicationUser>, ApplicationUser, Task<IdentityResult>> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True((await change(users, (await users.FindByIdAsync(userId))!)).Succeeded);
    }

    public static TheoryData<string> Changes => ["password", "role", "lockout"];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task PasswordChangeRoleRemovalOrLockout_EndsTheSessionOnItsNextRequest(string change)
    {
        var (user, client) = await SignedInStudentAsync();

        await ChangeAsync(user.Id, change switch
        {
            "password" => (users, u) => users.ChangePasswordAsync(u, Password, "a different session password"),
            "role" => (users, u) => users.RemoveFromRoleAsync(u, Roles.Student),
            _ => (users, u) => users.SetLockoutEndDateAsync(u, factory.Clock.GetUtcNow().AddHours(1)),
        });
        using var next = await client.GetAsync("/register");

        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", next.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        client.Dispose();
    }

    private async Task<HttpClient> SignedInAdminAsync()
    {
        var email = $"session.admin.{Guid.NewGuid():N}@acr.example.org";
        var (_, key) = await factory.CreateAdminWithAuthenticatorAsync(email, Password);
        var client = factory.CreateNonRedirectingClient();
        await CookieSignIn.WithAuthenticatorAsync(client, email, Password, key, factory.Clock.GetUtcNow()).AcceptedAsync();
        using var admin = await client.GetAsync("/admin");
        Assert.True(admin.StatusCode == HttpStatusCode.OK, admin.Headers.Location?.OriginalString);
        return client;
    }

    [Fact]
    public async Task AdminSession_Idle31Minutes_HasEnded()
    {
        using var client = await SignedInAdminAsync();

        factory.Clock.Advance(TimeSpan.FromMinutes(29));
        using var active = await client.GetAsync("/admin");
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        using var idle = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.Equal("/Identity/Account/Login", idle.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task AdminSession_ActiveButOlderThan12Hours_HasEnded()
    {
        using var client = await SignedInAdminAsync();
        var statuses = new List<HttpStatusCode>();
        for (var step = 0; step < 35; step++)
        {
            // Active every 20 minutes, so never idle, for 11 h 40 min.
            factory.Clock.Advance(TimeSpan.FromMinutes(20));
            using var response = await client.GetAsync("/admin");
            statuses.Add(response.StatusCode);
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(25));
        using var after = await client.GetAsync("/admin");

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }
}
