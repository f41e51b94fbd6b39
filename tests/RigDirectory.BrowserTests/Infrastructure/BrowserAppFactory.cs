using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace RigDirectory.BrowserTests.Infrastructure;

/// <summary>
/// The app on a real Kestrel port with its own SQLite file and email pickup folder, and a headless
/// Debian Chromium driven by Playwright.
/// </summary>
public sealed class BrowserAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rigdirectory-browser-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public BrowserAppFactory()
    {
        Directory.CreateDirectory(_folder);
        UseKestrel(0);
    }

    public string MailFolder => Path.Combine(_folder, "mail");

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(_folder, "app.db")}");
        builder.UseSetting("Email:PickupDirectory", MailFolder);
        // Plain HTTP on loopback: no TLS certificate exists on a fresh machine.
        builder.UseSetting("Security:RequireHttps", "false");
    }

    public async Task InitializeAsync()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            // Flags for a closed network and a root user: no sandbox, no background calls home.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
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

    /// <summary>Waits for an email to land in the pickup folder and returns its first link.</summary>
    public async Task<string> WaitForLinkInEmailToAsync(string email)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (Directory.Exists(MailFolder))
            {
                foreach (var file in Directory.GetFiles(MailFolder, "*.eml").OrderByDescending(File.GetLastWriteTimeUtc))
                {
                    var message = await MimeKit.MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address.Equals(email, StringComparison.OrdinalIgnoreCase)))
                    {
                        return RigDirectory.Web.Infrastructure.Email.PickupDirectoryEmailTransport.FirstLink(message.HtmlBody ?? "")
                            ?? throw new InvalidOperationException($"The email to {email} has no link.");
                    }
                }
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"No email to {email} arrived in {MailFolder}.");
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
