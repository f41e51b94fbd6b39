using Microsoft.Playwright;
using RigDirectory.BrowserTests.Infrastructure;
using RigDirectory.Web.Security;
using ZXing;
using static Microsoft.Playwright.Assertions;

namespace RigDirectory.BrowserTests;

/// <summary>
/// A new ACR admin's first sign-in: after the password, the site's own set-up page; the QR code (read from the
/// picture, as a phone's camera would) names the account "RigDirectory"; a code computed from it turns the app on;
/// the recovery codes are shown once with a way on to the console; the next sign-in asks for a code in the site's
/// words. Screenshots of the set-up at 375 and 1366 px go to the test results.
/// </summary>
public sealed class AdminTwoFactorJourneyTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    private const int QrSize = 400;

    [Fact]
    public async Task NewAdmin_ScansTheQrCode_SavesTheRecoveryCodes_ReachesTheConsole_AndSignsInWithACode()
    {
        const string email = "first.day.curator@acr.example.org";
        const string password = "first day at the college";
        await app.CreateUserAsync(email, password, emailConfirmed: true, Roles.AcrAdmin);
        var folder = ScreenshotTests.Folder();
        Directory.CreateDirectory(folder);

        var page = await app.NewPageAsync(1366, 900);
        await page.GotoAsync("/admin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up your authenticator app", Level = 1 })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "2fa-setup-laptop.png"), FullPage = true });
        await page.SetViewportSizeAsync(375, 800);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "2fa-setup-phone.png"), FullPage = true });
        Assert.True(await page.EvaluateAsync<bool>("document.scrollingElement.scrollWidth <= window.innerWidth"), "The set-up page scrolls sideways on a phone.");
        await page.SetViewportSizeAsync(1366, 900);

        var scanned = await ScanQrCodeAsync(page);
        var otpauth = new Uri(scanned);
        var query = System.Web.HttpUtility.ParseQueryString(otpauth.Query);
        Assert.Equal("otpauth", otpauth.Scheme);
        Assert.Equal("RigDirectory", query["issuer"]);
        Assert.Equal($"/RigDirectory:{email}", Uri.UnescapeDataString(otpauth.AbsolutePath));
        Assert.Equal(scanned, await page.Locator("a#otpauth").GetAttributeAsync("href"));
        var key = query["secret"]!;

        await page.GetByLabel("3. Enter the code it shows").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the code and turn it on" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Save your recovery codes" })).ToBeVisibleAsync();
        await Expect(page.Locator("code.recovery-code")).ToHaveCountAsync(10);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "2fa-recovery-codes-laptop.png"), FullPage = true });
        await page.SetViewportSizeAsync(375, 800);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "2fa-recovery-codes-phone.png"), FullPage = true });
        await page.SetViewportSizeAsync(1366, 900);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download them as a text file" }).ClickAsync());
        var saved = await File.ReadAllTextAsync((await download.PathAsync())!);
        foreach (var code in await page.Locator("code.recovery-code").AllTextContentsAsync())
        {
            Assert.Contains(code, saved, StringComparison.Ordinal);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "I have saved them — continue to the console" }).ClickAsync();
        await Expect(page.Locator("#todo")).ToBeVisibleAsync();

        // Signed out, and in again: the password, then a code from the app (the next one: each code works once).
        // The menu opens by script: on a busy machine the console shows before its scripts have run.
        await BrowserAppFactory.ScriptsReadyAsync(page);
        await page.Locator("#account-menu").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in with your authenticator app" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Trust this browser for 30 days")).Not.ToBeCheckedAsync();
        await page.GetByLabel("Authenticator code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#account-menu")).ToBeAttachedAsync();
        await page.GotoAsync("/admin");
        await Expect(page.Locator("#todo")).ToBeVisibleAsync();
    }

    /// <summary>Reads the QR code from its picture: drawn onto a canvas (in a blank page of its own), then decoded by ZXing.</summary>
    private static async Task<string> ScanQrCodeAsync(IPage page)
    {
        var svg = await page.Locator("#qr-code svg").EvaluateAsync<string>("e => e.outerHTML");
        var canvas = await page.Context.NewPageAsync();
        var gray = await canvas.EvaluateAsync<int[]>(
            """
            async ([svg, size]) => {
                const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
                doc.documentElement.setAttribute("width", size);
                doc.documentElement.setAttribute("height", size);
                const image = new Image();
                image.src = "data:image/svg+xml;base64," + btoa(new XMLSerializer().serializeToString(doc));
                await image.decode();
                const canvas = document.createElement("canvas");
                canvas.width = canvas.height = size;
                const g = canvas.getContext("2d");
                g.fillStyle = "#fff";
                g.fillRect(0, 0, size, size);
                g.drawImage(image, 0, 0, size, size);
                const rgba = g.getImageData(0, 0, size, size).data;
                return Array.from({ length: size * size }, (_, i) => rgba[i * 4]);
            }
            """, new object[] { svg, QrSize });
        await canvas.CloseAsync();

        var luminance = new RGBLuminanceSource(gray.Select(v => (byte)v).ToArray(), QrSize, QrSize, RGBLuminanceSource.BitmapFormat.Gray8);
        var reader = new BarcodeReaderGeneric { Options = { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true } };
        return reader.Decode(luminance)?.Text ?? throw new InvalidOperationException("The QR code on the set-up page could not be read.");
    }
}
