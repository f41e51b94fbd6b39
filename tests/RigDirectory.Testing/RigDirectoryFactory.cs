using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Infrastructure.Email;
using RigDirectory.Web.Notifications;

namespace RigDirectory.Testing;

/// <summary>
/// The base of every test host: the app in the Testing environment on an in-memory SQLite database that lives as
/// long as the factory, email captured instead of sent, a clock the test moves, the outbox worker driven by the
/// test (<see cref="SentEmailsAsync"/>), and a test sign-in scheme that only authenticates. Browser tests derive
/// from it and put the app on a real port.
/// </summary>
public class RigDirectoryFactory : WebApplicationFactory<Program>
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public RigDirectoryFactory()
    {
        _connection.Open();
        ClientOptions.BaseAddress = new Uri("https://localhost");
        // Each reading of the clock moves it on a little, so that entries written one after another stay in order.
        Clock = new FakeTimeProvider(Start) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
    }

    /// <summary>The app's clock: tests move it for expiries, timeouts and retries, and read it instead of the real time.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>
    /// Where the clock starts: the real time by default, because browsers and cookie jars judge cookies by it and
    /// authenticator codes are checked against it; a test of dates picks a fixed moment.
    /// </summary>
    protected virtual DateTimeOffset Start => DateTimeOffset.UtcNow;

    /// <summary>Whether the app gets <see cref="Clock"/>; a real browser against a real server needs the real time.</summary>
    protected virtual bool UseFakeClock => true;

    /// <summary>Whether the test sends queued email itself (<see cref="SentEmailsAsync"/>) instead of the background worker.</summary>
    protected virtual bool DriveOutboxByHand => true;

    /// <summary>Whether email is captured in <see cref="Emails"/> instead of going to the configured transport.</summary>
    protected virtual bool CaptureEmails => true;

    /// <summary>Every email the outbox has sent so far; read through <see cref="SentEmailsAsync"/>.</summary>
    public CapturingEmailTransport Emails { get; } = new();

    /// <summary>Sends what the outbox holds that is due (as the worker would), then returns every email sent so far.</summary>
    public async Task<CapturingEmailTransport> SentEmailsAsync()
    {
        await Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None);
        return Emails;
    }

    /// <summary>Counts the SQL commands the app sends, for the per-page statement budgets.</summary>
    public CommandCounter Commands { get; } = new();

    protected virtual string EnvironmentName => "Testing";

    public static readonly IReadOnlyDictionary<string, string> GenerousRateLimits = new Dictionary<string, string>
    {
        ["RateLimiting:AccountPosts"] = "100000",
        ["RateLimiting:AccountPostsPerAddress"] = "100000",
        ["RateLimiting:OutgoingEmails"] = "100000",
        ["RateLimiting:TypeAhead"] = "100000",
        ["RateLimiting:EmailsPerRigPerDay"] = "100000",
        ["RateLimiting:EmailsPerRecipientPerDay"] = "100000",
        ["RateLimiting:MessagesPerRecipientPerDay"] = "100000",
        ["RateLimiting:AccountEmailsPerSender"] = "100000",
        ["RateLimiting:ClaimsPerSenderPerDay"] = "100000",
        ["RateLimiting:AccountEmailsPerRecipientPerDay"] = "100000",
        ["RateLimiting:EventChangesPerRecipientPerDay"] = "100000",
    };

    /// <summary>Where emailed links point: the configured public address, whatever Host a request names.</summary>
    public const string PublicBaseUrl = "https://localhost/";

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        // Outside Development the host does not map static assets to the build's folders by itself; without
        // this, precompressed variants (what a browser asks for) would be served empty.
        builder.UseStaticWebAssets();
        builder.UseSetting("App:PublicBaseUrl", PublicBaseUrl);
        // Tests send many requests from one "client": the limits get their own tests (RateLimitTests).
        foreach (var (key, value) in GenerousRateLimits)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Outbox:RunWorker", DriveOutboxByHand ? "false" : "true");

        // The expiry worker would share the in-memory database's one connection with requests; tests that need it turn it on.
        builder.UseSetting("Mentoring:RunWorker", "false");
        builder.UseSetting("Events:RunWorker", "false");
        builder.UseSetting("Coverage:RunWorker", "false");
        builder.UseSetting("Stewardship:RunWorker", "false");
        // Uploaded files go to a folder of the test run's, not the source tree's App_Data.
        builder.UseSetting("Resources:FilesPath", Path.Combine(Path.GetTempPath(), "rigdirectory-test-files"));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<DbContextOptions<SqliteAppDbContext>>();
            services.RemoveAll<IDbContextOptionsConfiguration<SqliteAppDbContext>>();
            // Every query a test makes the app run is also compiled for SQL Server and its T-SQL parsed (SqlServerQueryProbe).
            services.AddDbContext<AppDbContext, SqliteAppDbContext>(options => SqlServerQueryProbe.Install(UseDatabase(options).AddInterceptors(Commands)));

            if (CaptureEmails)
            {
                services.RemoveAll<IEmailTransport>();
                services.AddSingleton<IEmailTransport>(Emails);
            }

            if (UseFakeClock)
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.Configure<SecurityStampValidatorOptions>(options => options.TimeProvider = Clock);
                services.PostConfigureAll<CookieAuthenticationOptions>(options => options.TimeProvider = Clock);
            }

            services.AddAuthentication().AddScheme<TestAuthOptions, TestAuthHandler>(TestAuthHandler.SchemeName, options =>
            {
                // Only authentication comes from the test header; challenges and forbids go to the real
                // cookie scheme, so redirects to sign-in and access-denied behave as in production.
                options.ForwardDefaultSelector = context => context.Request.Headers.ContainsKey(TestAuthHandler.UserHeader) ? null : IdentityConstants.ApplicationScheme;
                options.ForwardChallenge = IdentityConstants.ApplicationScheme;
                options.ForwardForbid = IdentityConstants.ApplicationScheme;
            });
            services.Configure<AuthenticationOptions>(options => options.DefaultAuthenticateScheme = TestAuthHandler.SchemeName);
        });
    }

    /// <summary>The in-memory database of this factory; a subclass may put it in a file instead.</summary>
    protected virtual DbContextOptionsBuilder UseDatabase(DbContextOptionsBuilder options) => options.UseAppSqlite(_connection);

    /// <summary>A client that does not follow redirects, so tests can see where they point.</summary>
    public HttpClient CreateNonRedirectingClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    private static int _lastAddress;

    /// <summary>
    /// A client that does not follow redirects, coming from a client address of its own, so that limits kept per
    /// address (sign-in, reset) count its requests alone; signed in through the test scheme when given a user.
    /// </summary>
    /// <summary>A client address no other client of this factory has: another person, elsewhere.</summary>
    public static System.Net.IPAddress NewAddress()
    {
        var number = Interlocked.Increment(ref _lastAddress);
        return new System.Net.IPAddress([10, (byte)(number >> 16), (byte)(number >> 8), (byte)number]);
    }

    /// <summary>A browser of its own (cookies, not redirecting) at <paramref name="address"/>: several share one address as people on one network do.</summary>
    public HttpClient CreateClientFrom(System.Net.IPAddress address)
    {
        var handler = new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler { InnerHandler = Server.CreateHandler(context => context.Connection.RemoteIpAddress = address) };
        return new HttpClient(handler) { BaseAddress = ClientOptions.BaseAddress };
    }

    public HttpClient CreateClientFromOwnAddress(string? userId = null, params string[] roles)
    {
        var client = CreateClientFrom(NewAddress());
        if (userId is not null)
        {
            client.DefaultRequestHeaders.Add(TestAuthHandler.UserHeader, userId);
            client.DefaultRequestHeaders.Add(TestAuthHandler.RolesHeader, string.Join(',', roles));
        }

        return client;
    }

    /// <summary>A client signed in (through the test scheme) as a user with the given roles.</summary>
    public HttpClient CreateClientAs(string userId, params string[] roles)
    {
        var client = CreateNonRedirectingClient();
        client.DefaultRequestHeaders.Add(TestAuthHandler.UserHeader, userId);
        client.DefaultRequestHeaders.Add(TestAuthHandler.RolesHeader, string.Join(',', roles));
        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task WithDbAsync(Func<AppDbContext, Task> action) => WithDbAsync(async db =>
    {
        await action(db);
        return true;
    });

    /// <summary>Tells the app's read side of a change a test made straight in the database, as the app's own save step would.</summary>
    public async Task AnnounceAsync(Web.Kernel.Change change)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Web.Kernel.SaveStep>().AnnounceAsync(change, CancellationToken.None);
    }

    /// <summary>Evicts the cached public pages and snapshot, after a test changed the database behind the app's back.</summary>
    public async Task EvictDirectoryAsync() => await Services.GetRequiredService<DirectoryCache>().EvictAsync();

    /// <summary>Creates an account directly, as if it had registered and (optionally) confirmed its email.</summary>
    public async Task<ApplicationUser> CreateUserAsync(string email, string password, bool emailConfirmed = true, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = emailConfirmed, DisplayName = email.Split('@')[0] };
        // Hashed directly: fixtures pick readable passwords, and the strength rules have their own tests.
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        var result = await users.CreateAsync(user);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        foreach (var role in roles)
        {
            await users.AddToRoleAsync(user, role);
        }

        return user;
    }

    /// <summary>A complete registration waiting for review at <paramref name="schoolSlug"/>, led by a new student account.</summary>
    public async Task<(int Id, ApplicationUser Leader)> CreateSubmittedRigAsync(string schoolSlug, string name, DateTime submittedAt, string password = "submitted rig password")
    {
        var leader = await CreateUserAsync($"leader.{schoolSlug}@example.org", password, emailConfirmed: true, Web.Security.Roles.Student);
        var id = await WithDbAsync(async db =>
        {
            var rig = await TestRigs.MakeAsync(db, $"{schoolSlug}-rig", name, schoolSlug, RigStatus.Submitted, r =>
            {
                r.Description = "Talks and workshops for every year.";
                r.ContactEmail = $"{schoolSlug}@example.org";
                r.SubmittedAt = submittedAt;
                r.CreatedByUserId = leader.Id;
                r.RegistrationStep = RegistrationStep.Review;
                r.Officers.Add(new RigOfficer { UserId = leader.Id, Position = "President", GraduationYear = submittedAt.Year + 2 });
                r.Events.Add(TestEvents.Make("Kick-off", submittedAt.AddDays(30)));
            });
            db.Rigs.Add(rig);
            await db.SaveChangesAsync();
            return rig.Id;
        });
        return (id, leader);
    }

    /// <summary>An admin with an authenticator app already set up; returns the app's key, for <see cref="Totp"/>.</summary>
    public async Task<(ApplicationUser User, string AuthenticatorKey)> CreateAdminWithAuthenticatorAsync(string email, string password)
    {
        var admin = await CreateUserAsync(email, password, emailConfirmed: true, Web.Security.Roles.AcrAdmin);
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(admin.Id))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (user, (await users.GetAuthenticatorKeyAsync(user))!);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _connection.Dispose();
        }
    }
}

