using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RigDirectory.Web.Data;
using RigDirectory.Web.Data.Seed;
using RigDirectory.Web.Features.Directory;

namespace RigDirectory.BrowserTests.Infrastructure;

/// <summary>
/// The app on a real Kestrel port with its own SQLite file, the real clock, the outbox worker sending to an email
/// pickup folder, and a headless Debian Chromium driven by Playwright.
/// </summary>
public class BrowserAppFactory : RigDirectoryFactory, IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rigdirectory-browser-" + Guid.NewGuid().ToString("N"));
    private readonly int _port;
    private IPlaywright? _playwright;

    public BrowserAppFactory()
    {
        Directory.CreateDirectory(_folder);
        // A port chosen up front, so the public base URL (which every emailed link starts with) names it.
        _port = FreePort();
        UseKestrel(_port);
    }

    public const string AdminEmail = "curator@acr.example";
    public const string AdminPassword = "juniper tramline ledger";

    public string MailFolder => Path.Combine(_folder, "mail");

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    protected override bool UseFakeClock => false;

    protected override bool DriveOutboxByHand => false;

    protected override bool CaptureEmails => false;

    /// <summary>
    /// Whether the app runs as a developer runs it (Development, with the whole demo seed: events, mentors, funding,
    /// awards and the demo accounts of each role) instead of the test's own demo RIGs.
    /// </summary>
    protected virtual bool FullDemo => false;

    protected override string EnvironmentName => FullDemo ? Microsoft.Extensions.Hosting.Environments.Development : base.EnvironmentName;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Demo:Enabled"] = FullDemo ? "true" : "false",
        ["Email:PickupDirectory"] = MailFolder,
        ["App:PublicBaseUrl"] = $"http://127.0.0.1:{_port}/",
        ["Outbox:PollInterval"] = "00:00:00.500",
        // Plain HTTP on loopback: no TLS certificate exists on a fresh machine.
        ["Security:RequireHttps"] = "false",
        ["Bootstrap:AdminEmail"] = AdminEmail,
        ["Bootstrap:AdminPassword"] = AdminPassword,
    };

    protected override DbContextOptionsBuilder UseDatabase(DbContextOptionsBuilder options) =>
        options.UseAppSqlite($"Data Source={Path.Combine(_folder, "app.db")}");

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task InitializeAsync()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        if (!FullDemo)
        {
            await SeedDemoRigsAsync();
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            // Flags for a closed network and a root user: no sandbox, no background calls home.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>The app's own deterministic demo RIGs, so the journeys have a populated directory.</summary>
    private async Task SeedDemoRigsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var schools = await db.Schools.ToListAsync();
        var data = DemoDataGenerator.Generate(schools, Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        db.Users.AddRange(data.Users);
        db.Rigs.AddRange(data.Rigs);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<DirectoryCache>().EvictAsync();
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Clicks a state or province on the map where it shows: its centre may be under a school marker,
    /// so this finds a point of the shape that is on top, as a person aiming at it would.
    /// </summary>
    public static async Task<(float X, float Y)> VisiblePointOfShapeAsync(IPage page, string code)
    {
        var point = await page.EvaluateAsync<float[]?>(
            """
            code => {
                const shape = document.querySelector(`svg path[data-code="${code}"]`);
                shape.scrollIntoView({ block: "center", behavior: "instant" });
                const box = shape.getBoundingClientRect();
                for (let i = 1; i < 24; i++) {
                    for (let j = 1; j < 24; j++) {
                        const x = box.left + box.width * i / 24, y = box.top + box.height * j / 24;
                        if (document.elementFromPoint(x, y) === shape) return [x, y];
                    }
                }
                return null;
            }
            """, code);
        return point is { Length: 2 } ? (point[0], point[1]) : throw new InvalidOperationException($"No visible point of {code} on the map.");
    }

    /// <summary>Signs in through the real form, in a fresh browser context.</summary>
    public async Task<IPage> SignedInPageAsync(string email, string password)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        return await SignedInAsync(page);
    }

    /// <summary>Signed in: the header holds the account menu (inside the collapsed menu on a phone), and its menus work.</summary>
    private static async Task<IPage> SignedInAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("#account-menu")).ToBeAttachedAsync();
        await ScriptsReadyAsync(page);
        return page;
    }

    /// <summary>
    /// The page's scripts have run, so its menus open when clicked; they run after its styles have loaded, so a
    /// closed menu's links are hidden. Not the load event, which also waits for every image.
    /// </summary>
    public static Task ScriptsReadyAsync(IPage page) =>
        (page ?? throw new ArgumentNullException(nameof(page))).WaitForFunctionAsync("() => typeof window.bootstrap !== 'undefined'");

    private string? _adminAuthenticatorKey;
    private DateTimeOffset _lastCodeAt = DateTimeOffset.MinValue;

    /// <summary>
    /// The bootstrap admin signed in as admins must be: password, then the code of an authenticator app (set up
    /// directly the first time; AdminTwoFactorTests walk the set-up pages).
    /// </summary>
    public async Task<IPage> AdminPageAsync()
    {
        if (_adminAuthenticatorKey is null)
        {
            await using var scope = Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<RigDirectory.Web.Domain.ApplicationUser>>();
            var admin = (await users.FindByEmailAsync(AdminEmail))!;
            await users.ResetAuthenticatorKeyAsync(admin);
            await users.SetTwoFactorEnabledAsync(admin, true);
            _adminAuthenticatorKey = await users.GetAuthenticatorKeyAsync(admin);
        }

        var page = await NewPageAsync();
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("Email").FillAsync(AdminEmail);
        await page.GetByLabel("Password").FillAsync(AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Authenticator code").FillAsync(Totp.Code(_adminAuthenticatorKey!, await NextCodeTimeAsync()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        return await SignedInAsync(page);
    }

    /// <summary>
    /// When the admin's app shows a code no earlier sign-in used (a code works once): this step's, or the next one's
    /// (accepted 30 seconds early), or, after both were used, the one after, once the clock gets there.
    /// </summary>
    private async Task<DateTimeOffset> NextCodeTimeAsync()
    {
        var at = DateTimeOffset.UtcNow;
        if (Step(at) <= Step(_lastCodeAt))
        {
            at = _lastCodeAt.AddSeconds(30);
        }

        var early = at - DateTimeOffset.UtcNow - TimeSpan.FromSeconds(30);
        if (early > TimeSpan.Zero)
        {
            await Task.Delay(early + TimeSpan.FromSeconds(1));
        }

        _lastCodeAt = at;
        return at;

        static long Step(DateTimeOffset time) => time.ToUnixTimeSeconds() / 30;
    }

    /// <summary>Waits for an email to land in the pickup folder and returns its first link.</summary>
    public async Task<string> WaitForLinkInEmailToAsync(string email)
    {
        var message = await WaitForEmailToAsync(email);
        return RigDirectory.Web.Infrastructure.Email.PickupDirectoryEmailTransport.FirstLink(message.HtmlBody ?? "")
            ?? throw new InvalidOperationException($"The email to {email} has no link.");
    }

    /// <summary>Waits for an email to <paramref name="email"/> (whose subject contains <paramref name="subject"/>, when given) to land in the pickup folder.</summary>
    public async Task<MimeKit.MimeMessage> WaitForEmailToAsync(string email, string? subject = null)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (Directory.Exists(MailFolder))
            {
                foreach (var file in Directory.GetFiles(MailFolder, "*.eml").OrderByDescending(File.GetLastWriteTimeUtc))
                {
                    var message = await MimeKit.MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address.Equals(email, StringComparison.OrdinalIgnoreCase))
                        && (subject is null || message.Subject?.Contains(subject, StringComparison.Ordinal) == true))
                    {
                        return message;
                    }
                }
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"No email to {email}{(subject is null ? "" : $" about \"{subject}\"")} arrived in {MailFolder}.");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the WAL files for a moment; the temp folder is cleaned by the OS.
        }
    }
}
