using System.Net;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests.Attacks;

/// <summary>Threat: a link to this site that signs a visitor out and sends them to a look-alike site. Control: only local return URLs.</summary>
public sealed class OpenRedirectTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    [Theory]
    [InlineData("https://evil.example", "/")]
    [InlineData("//evil.example/path", "/")]
    [InlineData("/rigs", "/rigs")]
    public async Task SignOut_GoesOnlyToALocalReturnUrl(string returnUrl, string expected)
    {
        var user = await factory.CreateUserAsync($"logout.{Guid.NewGuid():N}@example.org", "sign out password", emailConfirmed: true, Roles.Student);
        using var client = factory.CreateClientAs(user.Id, Roles.Student);
        var home = await client.GetDocumentAsync("/");
        var token = home.QuerySelector("form[action*='Logout'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        using var response = await client.PostAsync($"/Identity/Account/Logout?returnUrl={Uri.EscapeDataString(returnUrl)}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }
}
