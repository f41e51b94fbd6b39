using Microsoft.Playwright;
using RigDirectory.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RigDirectory.BrowserTests;

public sealed class AccountJourneyTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [Fact]
    public async Task Visitor_SignsUp_ConfirmsByEmail_AndSignsIn()
    {
        var page = await app.NewPageAsync();
        const string email = "journey.student@example.org";
        const string password = "a long enough passphrase";

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Find a radiology interest group" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Create account" }).ClickAsync();

        // Client-side validation answers before anything is sent.
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByText("The Your name field is required.")).ToBeVisibleAsync();

        // Typed key by key, as a person would: each keystroke clears that field's message as it becomes valid.
        await page.GetByLabel("Your name").PressSequentiallyAsync("Jordan Journey");
        await page.GetByLabel("Email").PressSequentiallyAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).PressSequentiallyAsync(password);
        await page.GetByLabel("Confirm password").PressSequentiallyAsync(password);
        await Expect(page.Locator(".field-validation-error")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email" })).ToBeVisibleAsync();

        var link = await app.WaitForLinkInEmailToAsync(email);
        await page.GotoAsync(link);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your email is confirmed" })).ToBeVisibleAsync();

        await page.Locator("#continue").ClickAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
        // Whose account it is shows in the header; its workspaces and "Sign out" are in its menu.
        var account = page.GetByRole(AriaRole.Button, new() { Name = $"Your account: {email}" });
        await Expect(account).ToBeVisibleAsync();
        await BrowserAppFactory.ScriptsReadyAsync(page);
        await account.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "My RIGs" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}
