using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Infrastructure.Email;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests.Attacks;

/// <summary>
/// Threat: an outsider makes the app email a victim a link to the outsider's host (password-reset poisoning) by
/// naming that host in the request. Control: links come from <c>App:PublicBaseUrl</c>; other hosts are refused.
/// </summary>
public sealed class LinkPoisoningTests(DevelopmentFactory development, RigDirectoryFactory production)
    : IClassFixture<DevelopmentFactory>, IClassFixture<RigDirectoryFactory>
{
    private const string Password = "link poisoning password";

    [Fact]
    public async Task ForgotPassword_WithForgedHost_EmailsALinkToThePublicBaseUrl()
    {
        // Development allows any host (AllowedHosts "*"), so the forged request reaches the page.
        await development.CreateUserAsync("reset.victim@example.org", Password, emailConfirmed: true, Roles.Student);
        using var client = development.CreateNonRedirectingClient();
        var form = await client.GetDocumentAsync("/Identity/Account/ForgotPassword");
        client.DefaultRequestHeaders.Host = "evil.example";

        using var response = await client.SubmitFormAsync(form, "form#forgot-password", new Dictionary<string, string> { ["Input.Email"] = "reset.victim@example.org" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var link = PickupDirectoryEmailTransport.FirstLink((await development.SentEmailsAsync()).LastTo("reset.victim@example.org").HtmlBody!)!;
        Assert.StartsWith(RigDirectoryFactory.PublicBaseUrl + "Identity/Account/ResetPassword?code=", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_WithForgedHost_EmailsAConfirmationLinkToThePublicBaseUrl()
    {
        using var client = development.CreateNonRedirectingClient();
        var form = await client.GetDocumentAsync("/Identity/Account/Register");
        client.DefaultRequestHeaders.Host = "evil.example";

        using var response = await client.SubmitFormAsync(form, "form#registerForm", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Forged Host",
            ["Input.Email"] = "forged.host@example.org",
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var link = PickupDirectoryEmailTransport.FirstLink((await development.SentEmailsAsync()).LastTo("forged.host@example.org").HtmlBody!)!;
        Assert.StartsWith(RigDirectoryFactory.PublicBaseUrl + "Identity/Account/ConfirmEmail?", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideDevelopment_ARequestNamingAnotherHost_IsRefused()
    {
        using var client = production.CreateNonRedirectingClient();
        client.DefaultRequestHeaders.Host = "evil.example";

        using var response = await client.GetAsync("/Identity/Account/ForgotPassword");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public void OutsideDevelopment_WithoutAPublicBaseUrl_TheAppRefusesToStartAndSaysWhatToSet()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Sqlite", "Data Source=:memory:");
        });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("App:PublicBaseUrl", error.Message, StringComparison.Ordinal);
    }
}
