namespace RigDirectory.FunctionalTests.Infrastructure;

/// <summary>Real cookie sign-ins through the sign-in pages, as a browser does them.</summary>
public static class CookieSignIn
{
    public static Task<HttpResponseMessage> PasswordAsync(HttpClient client, string email, string password, string url = "/Identity/Account/Login") =>
        client.SubmitFormAsync(url, "form#account", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>
    /// Password, then the code the account's authenticator app shows at <paramref name="at"/> (the app's clock: a code
    /// works once, so a second sign-in waits for the next one); returns the final redirect.
    /// </summary>
    public static async Task<HttpResponseMessage> WithAuthenticatorAsync(HttpClient client, string email, string password, string authenticatorKey, DateTimeOffset at, string url = "/Identity/Account/Login")
    {
        using var first = await PasswordAsync(client, email, password, url);
        Assert.Contains("LoginWith2fa", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return await client.SubmitFormAsync(first.Headers.Location.OriginalString, "main form[method=post]",
            new Dictionary<string, string> { ["Input.TwoFactorCode"] = Totp.Code(authenticatorKey, at) });
    }
}
