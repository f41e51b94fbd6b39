using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;
using RigDirectory.Web.Data;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Infrastructure.Email;

namespace RigDirectory.Testing;

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
public class FileDatabaseFactory : RigDirectoryFactory
{
    private readonly bool _ownsFile;

    public FileDatabaseFactory()
        : this(null)
    {
    }

    protected FileDatabaseFactory(string? path)
    {
        _ownsFile = path is null;
        DatabasePath = path ?? NewDatabasePath();
    }

    public string DatabasePath { get; }

    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), $"rigdirectory-test-{Guid.NewGuid():N}.db");

    protected override DbContextOptionsBuilder UseDatabase(DbContextOptionsBuilder options) => options.UseAppSqlite($"Data Source={DatabasePath};Pooling=False");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_ownsFile)
        {
            DeleteDatabase(DatabasePath);
        }
    }

    public static void DeleteDatabase(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}

/// <summary>
/// The app with mentoring's expiry worker running on a clock the test moves, on a file database (the worker and the
/// requests each need their own connection).
/// </summary>
public sealed class MentoringWorkerFactory : FileDatabaseFactory
{
    protected override DateTimeOffset Start => new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Mentoring:RunWorker"] = "true", ["Mentoring:ExpiryInterval"] = "00:10:00" };
}

/// <summary>The app with the upkeep worker (reminders, terms ending) running hourly on a clock the test moves, on a file database.</summary>
public sealed class StewardshipWorkerFactory : FileDatabaseFactory
{
    protected override DateTimeOffset Start => new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Stewardship:RunWorker"] = "true", ["Stewardship:Interval"] = "01:00:00" };
}

/// <summary>One of several instances of the app on the database file at <paramref name="path"/>; the test deletes the file.</summary>
public sealed class InstanceFactory(string path) : FileDatabaseFactory(path)
{
    /// <summary>Runs <paramref name="test"/> with a new database file's path, and deletes the file after.</summary>
    public static async Task OnOneDatabaseAsync(Func<string, Task> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var path = NewDatabasePath();
        try
        {
            await test(path);
        }
        finally
        {
            DeleteDatabase(path);
        }
    }

    /// <summary>Two started instances of the app on one new database file, as behind a load balancer.</summary>
    public static Task TwoAsync(Func<InstanceFactory, InstanceFactory, Task> test) => OnOneDatabaseAsync(async path =>
    {
        ArgumentNullException.ThrowIfNull(test);
        await using var first = new InstanceFactory(path);
        await using var second = new InstanceFactory(path);
        _ = first.Services;
        _ = second.Services;
        await test(first, second);
    });
}

/// <summary>
/// The app as the README tells an operator to run it: Production, behind a TLS proxy that forwards the scheme and
/// client address, at its own public host name.
/// </summary>
public sealed class ProductionFactory : RigDirectoryFactory
{
    public const string Host = "rigdirectory.example";

    protected override string EnvironmentName => Environments.Production;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["App:PublicBaseUrl"] = $"https://{Host}/",
        ["ForwardedHeaders_Enabled"] = "true",
        ["Security:RequireHttps"] = "true",
    };

    /// <summary>A client of the site's public host over plain HTTP, as a visitor who typed the address without https.</summary>
    public HttpClient CreatePlainHttpClient()
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{Host}") });
        return client;
    }
}

/// <summary>A mail server that is down: every email fails until the test brings it back.</summary>
public sealed class FailingEmailFactory : RigDirectoryFactory
{
    public FailingEmailFactory() => Emails.Failing = true;
}

/// <summary>The app with its real rate limits (other tests lift them).</summary>
public sealed class RateLimitedFactory : RigDirectoryFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:AccountPosts"] = "10",
        ["RateLimiting:AccountPostsPerAddress"] = "60",
        ["RateLimiting:OutgoingEmails"] = "10",
        ["RateLimiting:TypeAhead"] = "60",
        ["RateLimiting:EmailsPerRigPerDay"] = "20",
        ["RateLimiting:EmailsPerRecipientPerDay"] = "3",
        ["RateLimiting:MessagesPerRecipientPerDay"] = "10",
        ["RateLimiting:AccountEmailsPerSender"] = "10",
        ["RateLimiting:ClaimsPerSenderPerDay"] = "2",
        ["RateLimiting:AccountEmailsPerRecipientPerDay"] = "5",
        ["RateLimiting:EventChangesPerRecipientPerDay"] = "5",
    };
}

/// <summary>The first start of a production install: the bootstrap admin comes from configuration.</summary>
public sealed class BootstrapAdminFactory : RigDirectoryFactory
{
    public const string Email = "first.admin@acr.example";
    public const string Password = "first curator lantern phrase";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Bootstrap:AdminEmail"] = Email,
        ["Bootstrap:AdminPassword"] = Password,
    };
}

/// <summary>A directory of a given size; the query budgets must hold at every size.</summary>
public abstract class SizedDirectoryFactory(int rigs) : RigDirectoryFactory, IAsyncLifetime
{
    public async Task InitializeAsync() => await WithDbAsync(db => TestRigs.AddApprovedAsync(db, rigs));

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>How many SQL statements one uncached anonymous request for <paramref name="url"/> sends.</summary>
    public async Task<int> CountCommandsAsync(string url)
    {
        await Services.GetRequiredService<DirectoryCache>().EvictAsync();
        using var client = CreateNonRedirectingClient();
        Commands.Reset();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Commands.Count;
    }
}

public sealed class SmallDirectoryFactory() : SizedDirectoryFactory(10);

public sealed class LargeDirectoryFactory() : SizedDirectoryFactory(1_000);

/// <summary>Keeps every message the app sends, for tests to read; can play a mail server that is down, or slow.</summary>
public sealed class CapturingEmailTransport : IEmailTransport
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();

    public IReadOnlyList<MimeMessage> Messages => [.. _messages];

    /// <summary>While true, every send fails as a refused connection would.</summary>
    public bool Failing { get; set; }

    /// <summary>How long each send takes, to widen races between two senders.</summary>
    public TimeSpan Delay { get; set; }

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        if (Failing)
        {
            throw new System.Net.Sockets.SocketException(111);
        }

        _messages.Enqueue(message);
    }

    public MimeMessage LastTo(string email) =>
        Messages.LastOrDefault(m => m.To.Mailboxes.Any(a => a.Address.Equals(email, StringComparison.OrdinalIgnoreCase)))
        ?? throw new InvalidOperationException($"No email was sent to {email}.");
}
