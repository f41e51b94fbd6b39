using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>Admins find accounts, grant and revoke roles, lock and unlock, and resend confirmation; each audited; the last admin stays.</summary>
public sealed class UsersConsoleTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    [Fact]
    public async Task Search_ByPartOfANameOrEmail_AndByRole()
    {
        var mentor = await factory.CreateUserAsync("findable.mentor@example.org", "findable mentor password", emailConfirmed: true, Roles.Mentor);
        await factory.CreateUserAsync("findable.student@example.org", "findable student password", emailConfirmed: true, Roles.Student);
        using var admin = factory.CreateClientAs("users-admin", Roles.AcrAdmin);

        var byText = await admin.GetDocumentAsync("/admin/users?q=findable");
        var byRole = await admin.GetDocumentAsync("/admin/users?q=findable&role=Mentor");
        var none = await admin.GetDocumentAsync("/admin/users?q=nobody-is-called-this");

        Assert.Equal(2, byText.QuerySelectorAll("#users tbody tr").Length);
        Assert.Contains(mentor.Email!, Assert.Single(byRole.QuerySelectorAll("#users tbody tr")).TextContent, StringComparison.Ordinal);
        Assert.NotNull(none.QuerySelector("#no-users"));
    }

    [Fact]
    public async Task GrantAndRevoke_ChangeTheRoles_AreAudited_AndRevokingEndsTheirSessions()
    {
        var user = await factory.CreateUserAsync("promoted.student@example.org", "promoted student password", emailConfirmed: true, Roles.Student);
        var stampBefore = user.SecurityStamp;
        using var admin = factory.CreateClientAs("users-admin", Roles.AcrAdmin);

        await admin.SubmitFormAsync($"/admin/users/{user.Id}", "#grant-form", new Dictionary<string, string> { ["role"] = Roles.Mentor }).AcceptedAsync();
        var granted = await RolesOfAsync(user.Id);
        var page = await admin.GetDocumentAsync($"/admin/users/{user.Id}");
        await admin.SubmitFormAsync(page, $"#roles form[action$='/roles/{Roles.Student}/revoke']", new Dictionary<string, string>()).AcceptedAsync();
        var revoked = await RolesOfAsync(user.Id);
        using var badRole = await admin.SubmitFormAsync($"/admin/users/{user.Id}", "#grant-form", new Dictionary<string, string> { ["role"] = "SuperUser" });

        Assert.Equal([Roles.Mentor, Roles.Student], granted);
        Assert.Equal([Roles.Mentor], revoked);
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.NotEqual(stampBefore, await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.SecurityStamp).SingleAsync()));
        Assert.Equal(
            [AuditAction.RoleGranted, AuditAction.RoleRevoked],
            await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "User" && a.EntityId == user.Id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));
        Assert.Contains("Role granted", (await admin.GetDocumentAsync($"/admin/users/{user.Id}")).QuerySelector("#user-history")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LockAndUnlock_StopAndRestoreSigningIn_ButNobodyLocksThemselves()
    {
        var user = await factory.CreateUserAsync("locked.student@example.org", "locked student password", emailConfirmed: true, Roles.Student);
        var adminUser = await factory.CreateUserAsync("locking.admin@example.org", "locking admin password", emailConfirmed: true, Roles.AcrAdmin);
        using var admin = factory.CreateClientAs(adminUser.Id, Roles.AcrAdmin);

        await admin.SubmitFormAsync($"/admin/users/{user.Id}", "form[action$='/lock']", new Dictionary<string, string>()).AcceptedAsync();
        var locked = await IsLockedOutAsync(user.Id);
        var page = await admin.GetDocumentAsync($"/admin/users/{user.Id}");
        await admin.SubmitFormAsync(page, "form[action$='/unlock']", new Dictionary<string, string>()).AcceptedAsync();
        var unlocked = !await IsLockedOutAsync(user.Id);
        await admin.SubmitFormAsync($"/admin/users/{adminUser.Id}", "form[action$='/lock']", new Dictionary<string, string>()).AcceptedAsync();
        var self = await admin.GetDocumentAsync($"/admin/users/{adminUser.Id}");

        Assert.True(locked);
        Assert.Contains("Locked", page.QuerySelector("#account-state")!.TextContent, StringComparison.Ordinal);
        Assert.True(unlocked);
        Assert.Contains("cannot lock your own account", self.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.False(await IsLockedOutAsync(adminUser.Id));
        Assert.Equal(
            [AuditAction.AccountLocked, AuditAction.AccountUnlocked],
            await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == user.Id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task ResendConfirmation_EmailsAnUnconfirmedAccount_AndRefusesAConfirmedOne()
    {
        var unconfirmed = await factory.CreateUserAsync("unconfirmed.student@example.org", "unconfirmed student password", emailConfirmed: false, Roles.Student);
        var confirmed = await factory.CreateUserAsync("confirmed.student@example.org", "confirmed student password", emailConfirmed: true, Roles.Student);
        using var admin = factory.CreateClientAs("users-admin", Roles.AcrAdmin);

        await admin.SubmitFormAsync($"/admin/users/{unconfirmed.Id}", "form[action$='/resend-confirmation']", new Dictionary<string, string>()).AcceptedAsync();
        var confirmedPage = await admin.GetDocumentAsync($"/admin/users/{confirmed.Id}");

        Assert.Equal("Confirm your RigDirectory account", (await factory.SentEmailsAsync()).LastTo(unconfirmed.Email!).Subject);
        Assert.Null(confirmedPage.QuerySelector("form[action$='/resend-confirmation']"));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == unconfirmed.Id && a.Action == AuditAction.ConfirmationResent)));
    }

    [Fact]
    public async Task TheLastAdmin_CannotRevokeTheirOwnAdminRole_ButCanOnceAnotherAdminExists()
    {
        await using var fresh = new RigDirectoryFactory();
        var only = await fresh.CreateUserAsync("only.admin@example.org", "only admin password", emailConfirmed: true, Roles.AcrAdmin);
        using var admin = fresh.CreateClientAs(only.Id, Roles.AcrAdmin);

        var page = await admin.GetDocumentAsync($"/admin/users/{only.Id}");
        await admin.SubmitFormAsync(page, $"#roles form[action$='/roles/{Roles.AcrAdmin}/revoke']", new Dictionary<string, string>()).AcceptedAsync();
        var refused = await admin.GetDocumentAsync($"/admin/users/{only.Id}");
        var stillAdmin = await IsInRoleAsync(fresh, only.Id, Roles.AcrAdmin);
        await fresh.CreateUserAsync("second.admin@example.org", "second admin password", emailConfirmed: true, Roles.AcrAdmin);
        await admin.SubmitFormAsync($"/admin/users/{only.Id}", $"#roles form[action$='/roles/{Roles.AcrAdmin}/revoke']", new Dictionary<string, string>()).AcceptedAsync();

        Assert.True(stillAdmin);
        Assert.Contains("is the last admin", refused.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.False(await IsInRoleAsync(fresh, only.Id, Roles.AcrAdmin));
    }

    private Task<List<string>> RolesOfAsync(string userId) => factory.WithDbAsync(db =>
        db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToListAsync());

    private async Task<bool> IsLockedOutAsync(string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.IsLockedOutAsync((await users.FindByIdAsync(userId))!);
    }

    private static async Task<bool> IsInRoleAsync(RigDirectoryFactory app, string userId, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.IsInRoleAsync((await users.FindByIdAsync(userId))!, role);
    }
}
