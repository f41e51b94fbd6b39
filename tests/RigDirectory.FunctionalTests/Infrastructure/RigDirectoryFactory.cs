using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
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
using MimeKit;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Infrastructure.Email;

namespace RigDirectory.FunctionalTests.Infrastructure;

/// <summary>
/// The app over HTTP in memory, on an in-memory SQLite database that lives as long as the factory, with
/// email captured instead of sent and a test sign-in scheme that only authenticates.
/// </summary>
public class RigDirectoryFactory : WebApplicationFactory<Program>
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public RigDirectoryFactory()
    {
        _connection.Open();
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    public CapturingEmailTransport Emails { get; } = new();

    /// <summary>Counts the SQL commands the app sends, for the per-page statement budgets.</summary>
    public CommandCounter Commands { get; } = new();

    protected virtual string EnvironmentName => "Testing";

    public static readonly IReadOnlyDictionary<string, string> GenerousRateLimits = new Dictionary<string, string>
    {
        ["RateLimiting:AccountPosts"] = "100000",
        ["RateLimiting:OutgoingEmails"] = "100000",
        ["RateLimiting:TypeAhead"] = "100000",
        ["RateLimiting:EmailsPerRigPerDay"] = "100000",
        ["RateLimiting:EmailsPerRecipientPerDay"] = "100000",
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

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<DbContextOptions<SqliteAppDbContext>>();
            services.RemoveAll<IDbContextOptionsConfiguration<SqliteAppDbContext>>();
            services.AddDbContext<AppDbContext, SqliteAppDbContext>(options => UseDatabase(options).AddInterceptors(Commands));

            services.RemoveAll<IEmailTransport>();
            services.AddSingleton<IEmailTransport>(Emails);

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

/// <summary>The app as a developer runs it: Development, with demo data.</summary>
public sealed class DevelopmentFactory : RigDirectoryFactory
{
    protected override string EnvironmentName => Environments.Development;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Enabled"] = "true" };
}

/// <summary>
/// The app on a SQLite file: each request gets its own connection, so simultaneous requests really race, as on a
/// server (the in-memory database shares one connection, which cannot hold two transactions at once).
/// </summary>
public sealed class FileDatabaseFactory : RigDirectoryFactory
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"rigdirectory-race-{Guid.NewGuid():N}.db");

    protected override DbContextOptionsBuilder UseDatabase(DbContextOptionsBuilder options) => options.UseAppSqlite($"Data Source={_path};Pooling=False");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}

/// <summary>Keeps every message the app sends, for tests to read.</summary>
public sealed class CapturingEmailTransport : IEmailTransport
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();

    public IReadOnlyList<MimeMessage> Messages => [.. _messages];

    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        _messages.Enqueue(message);
        return Task.CompletedTask;
    }

    public MimeMessage LastTo(string email) =>
        Messages.LastOrDefault(m => m.To.Mailboxes.Any(a => a.Address.Equals(email, StringComparison.OrdinalIgnoreCase)))
        ?? throw new InvalidOperationException($"No email was sent to {email}.");
}
