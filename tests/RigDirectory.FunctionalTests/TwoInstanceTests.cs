using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>Two instances of the app on one database, as behind a load balancer (no Redis: see tests/ScaleOut for that).</summary>
public sealed class TwoInstanceTests
{
    [Fact]
    public Task ASignInMadeOnOneInstance_IsValidOnTheOther_AndSoAreItsAntiforgeryTokens() => InstanceFactory.TwoAsync(async (first, second) =>
    {
        await first.CreateUserAsync("two.instances@example.org", "two instances password", emailConfirmed: true, Roles.Student);
        // One browser: one cookie jar, whichever instance answers.
        var jar = new CookieContainer();
        using var onFirst = first.CreateDefaultClient(first.ClientOptions.BaseAddress, new CookieContainerHandler(jar));
        using var onSecond = second.CreateDefaultClient(second.ClientOptions.BaseAddress, new CookieContainerHandler(jar));

        using var signIn = await CookieSignIn.PasswordAsync(onFirst, "two.instances@example.org", "two instances password");
        using var mine = await onSecond.GetAsync("/my/events");
        var page = await onFirst.GetDocumentAsync("/my/events");
        using var signOut = await onSecond.SubmitFormAsync(page, "form[action^='/Identity/Account/Logout']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        // The key that signed both is the database's, not either process's.
        Assert.NotEqual(0, await second.WithDbAsync(db => db.DataProtectionKeys.CountAsync()));
    });
}
