using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests.Attacks;

/// <summary>
/// Threat: posts built to break the form reader (too many fields, huge values or keys, broken multipart, huge
/// bodies) turn into 500s, filling logs and alerting no one. Control: they are answered 400 or 413 with a plain page,
/// in Development as in Production.
/// </summary>
public abstract class MalformedRequestTests(RigDirectoryFactory factory)
{
    public static TheoryData<string> Bodies => ["too-many-fields", "huge-value", "huge-key", "broken-multipart"];

    private static ByteArrayContent Body(string kind) => kind switch
    {
        "too-many-fields" => new StringContent(string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=x")), Encoding.ASCII, "application/x-www-form-urlencoded"),
        "huge-value" => new StringContent("Input.Email=" + new string('a', (4 * 1024 * 1024) + 10), Encoding.ASCII, "application/x-www-form-urlencoded"),
        "huge-key" => new StringContent(new string('k', 2100) + "=x", Encoding.ASCII, "application/x-www-form-urlencoded"),
        _ => BrokenMultipart(),
    };

    private static ByteArrayContent BrokenMultipart()
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--boundary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue-without-an-end"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=boundary");
        return content;
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task UnreadableForm_IsABadRequest_NeverA500(string kind)
    {
        var user = await factory.CreateUserAsync($"malformed.{Guid.NewGuid():N}@example.org", "malformed request password", emailConfirmed: true, Roles.Student);
        using var anonymous = factory.CreateNonRedirectingClient();
        using var signedIn = factory.CreateClientAs(user.Id, Roles.Student);

        using var signIn = await anonymous.PostAsync("/Identity/Account/Login", Body(kind));
        using var register = await signedIn.PostAsync("/register", Body(kind));

        foreach (var response in new[] { signIn, register })
        {
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
            Assert.Contains("<h1>Bad request</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("1e309")]
    [InlineData("NaN")]
    public async Task AYesNoFieldPostedWithAnythingButTrueOrFalse_RedrawsTheFormWithAnError_NeverA500(string value)
    {
        const string password = "yes no field password";
        var email = $"yes.no.{Guid.NewGuid():N}@example.org";
        await factory.CreateUserAsync(email, password, emailConfirmed: true, Roles.Student);
        var (admin, _) = await factory.CreateAdminWithAuthenticatorAsync($"yes.no.admin.{Guid.NewGuid():N}@acr.example.org", password);
        using var anonymous = factory.CreateNonRedirectingClient();
        using var twoFactor = factory.CreateNonRedirectingClient();
        using var curator = factory.CreateClientAs(admin.Id, Roles.AcrAdmin);

        using var signIn = await anonymous.SubmitFormAsync("/Identity/Account/Login", "form#account",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "not the password at all", ["Input.RememberMe"] = value });
        using var firstStep = await CookieSignIn.PasswordAsync(twoFactor, admin.Email!, password);
        using var secondStep = await twoFactor.SubmitFormAsync(firstStep.Headers.Location!.OriginalString, "main form[method=post]",
            new Dictionary<string, string> { ["Input.TwoFactorCode"] = "000000", ["Input.RememberMachine"] = value });
        using var call = await curator.SubmitFormAsync("/admin/funding/new", "#call-form", new Dictionary<string, string> { ["Input.RequiresRecentVerification"] = value });

        foreach (var response in new[] { signIn, secondStep, call })
        {
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode}");
        }

        Assert.Contains(Web.Infrastructure.Forms.BooleanModelBinder.Message, await call.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FortyMegabyteBody_IsTooLarge()
    {
        using var client = factory.CreateNonRedirectingClient();
        using var body = new ByteArrayContent(new byte[40 * 1024 * 1024]);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded");

        using var response = await client.PostAsync("/Identity/Account/Login", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("<h1>Too large</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class MalformedRequestInProductionTests(RigDirectoryFactory factory) : MalformedRequestTests(factory), IClassFixture<RigDirectoryFactory>;

public sealed class MalformedRequestInDevelopmentTests(DevelopmentFactory factory) : MalformedRequestTests(factory), IClassFixture<DevelopmentFactory>;
