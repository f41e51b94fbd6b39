using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>
/// One navigation for the whole product: five public destinations for everyone (Mentors included, signed in or not),
/// and each role's workspaces in one account menu, so the header fits a laptop however many roles one holds.
/// </summary>
public sealed class NavigationTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    private static readonly string[] Public = ["Find a RIG", "Events", "Mentors", "Start a RIG", "Resources"];

    private static List<string> TopLevel(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("#main-nav > ul > li > .nav-link").Select(a => a.TextContent.Trim())];

    [Fact]
    public async Task Anonymous_SeesTheFivePublicDestinations_AndSignIn()
    {
        using var anonymous = factory.CreateNonRedirectingClient();

        var page = await anonymous.GetDocumentAsync("/");

        Assert.Equal([.. Public, "Sign in", "Create account"], TopLevel(page));
        Assert.Equal(["/resources", "/funding", "/awards", "/about"], page.QuerySelectorAll("[aria-labelledby=resources-menu] a").Select(a => a.GetAttribute("href")!).ToList());
        Assert.Null(page.QuerySelector("#account-menu"));
    }

    [Fact]
    public async Task AnAdminWhoLeadsAndMentors_HasTheSameFiveDestinations_AndEveryWorkspaceInTheAccountMenu()
    {
        var user = await factory.CreateUserAsync("every.role@example.org", "navigation test password", emailConfirmed: true, Roles.Student, Roles.RigLeader, Roles.Mentor, Roles.AcrAdmin);
        using var client = factory.CreateClientAs(user.Id, Roles.Student, Roles.RigLeader, Roles.Mentor, Roles.AcrAdmin);

        var page = await client.GetDocumentAsync("/events");

        var top = TopLevel(page);
        Assert.Equal(Public, top.Take(5));
        Assert.Equal(6, top.Count);
        Assert.Equal(
            ["My RIGs", "My events", "My mentors", "My mentees", "Admin console", "Account settings"],
            page.QuerySelectorAll("[aria-labelledby=account-menu] a").Select(a => a.TextContent.Trim()).ToList());
        Assert.NotNull(page.QuerySelector("[aria-labelledby=account-menu] form[action^='/Identity/Account/Logout'] button"));
    }

    [Fact]
    public async Task AStudent_SeesNoAdminConsoleNorMentees()
    {
        var user = await factory.CreateUserAsync("just.student@example.org", "navigation test password", emailConfirmed: true, Roles.Student);
        using var client = factory.CreateClientAs(user.Id, Roles.Student);

        var page = await client.GetDocumentAsync("/");

        Assert.Equal(["My RIGs", "My events", "My mentors", "Account settings"], page.QuerySelectorAll("[aria-labelledby=account-menu] a").Select(a => a.TextContent.Trim()).ToList());
    }
}
