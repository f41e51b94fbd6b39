using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.ScaleOutTests;

/// <summary>
/// What tests/ScaleOut/run.sh prepared: the published app (<c>SCALEOUT_APP</c>, its dll), a Redis server
/// (<c>SCALEOUT_REDIS</c>, host:port) and a scratch folder (<c>SCALEOUT_WORK</c>).
/// </summary>
public static class Prepared
{
    public static string App => Required("SCALEOUT_APP");

    public static string Redis => Required("SCALEOUT_REDIS");

    public static string Work => Required("SCALEOUT_WORK");

    private static string Required(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{name} is not set: run these tests with tests/ScaleOut/run.sh.");
}

/// <summary>One process of the published app, in Production, on its own loopback port.</summary>
public sealed class Instance : IAsyncDisposable
{
    private readonly Dictionary<string, string> _settings;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public Instance(string name, string database, string mail, string? redis, string publicBaseUrl, int? port = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        Name = name;
        Port = port ?? FreePort();
        _settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}",
            ["App__PublicBaseUrl"] = publicBaseUrl,
            ["ConnectionStrings__Sqlite"] = $"Data Source={database}",
            ["Email__PickupDirectory"] = mail,
            // TLS ends at the proxy in front; these instances are reached over plain HTTP on loopback.
            ["Security__RequireHttps"] = "false",
            // Queued email is picked up within a fifth of a second, so both workers race for every message.
            ["Outbox__PollInterval"] = "00:00:00.200",
            ["RateLimiting__AccountPosts"] = "100000",
            ["RateLimiting__AccountPostsPerAddress"] = "100000",
            ["RateLimiting__OutgoingEmails"] = "100000",
            ["RateLimiting__EmailsPerRecipientPerDay"] = "100000",
            ["RateLimiting__MessagesPerRecipientPerDay"] = "100000",
            ["RateLimiting__AccountEmailsPerSender"] = "100000",
            ["RateLimiting__ClaimsPerSenderPerDay"] = "100000",
            ["RateLimiting__AccountEmailsPerRecipientPerDay"] = "100000",
            ["RateLimiting__EventChangesPerRecipientPerDay"] = "100000",
        };
        if (redis is not null)
        {
            _settings["Redis__Configuration"] = redis;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _settings[key] = value;
        }
    }

    public string Name { get; }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    /// <summary>Every line the process wrote to its console.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the process and waits until <c>/readyz</c> says it can serve.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet", [Prepared.App])
        {
            WorkingDirectory = Path.GetDirectoryName(Prepared.App)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _settings)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start.");
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        // As a container's health check asks: by localhost, which the app always answers.
        probe.DefaultRequestHeaders.Host = "localhost";
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{string.Join('\n', Output.TakeLast(40))}");
            }

            try
            {
                using var ready = await probe.GetAsync("/readyz");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{Name} was not ready within 90 seconds:\n{string.Join('\n', Output.TakeLast(40))}");
    }

    /// <summary><c>kill -9</c>: no shutdown, no flush, as when a machine loses power or the kernel kills it.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>
    /// A client of this instance, with its own cookie jar unless one is shared, naming the site's public host as the
    /// proxy in front does (the app refuses other hosts).
    /// </summary>
    public HttpClient Client(CookieContainer? cookies = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer(), UseCookies = true })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Host = new Uri(_settings["App__PublicBaseUrl"]).Host;
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            // A polite stop, then a firm one.
            using var stop = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await stop.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Kill();
            }
        }

        _process?.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}

/// <summary>The database the instances share, reached directly to set up people and RIGs and to check what was saved.</summary>
public sealed class SharedDatabase(string path)
{
    public string Path { get; } = path;

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, IServiceProvider, Task<T>> action)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection();
        services.AddDbContext<AppDbContext, SqliteAppDbContext>(options => options.UseAppSqlite($"Data Source={Path};Pooling=False"));
        services.AddIdentityCore<ApplicationUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<AppDbContext>().AddDefaultTokenProviders();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider);
    }

    /// <summary>A confirmed account with a password, in <paramref name="roles"/>; with an authenticator key when asked.</summary>
    public Task<(string Id, string? AuthenticatorKey)> CreateUserAsync(string email, string password, bool authenticator, params string[] roles) =>
        WithDbAsync(async (_, services) =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0] };
            // Hashed directly: the app's own password rules are its tests' business.
            user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
            Check(await users.CreateAsync(user));
            foreach (var role in roles)
            {
                Check(await users.AddToRoleAsync(user, role));
            }

            if (!authenticator)
            {
                return (user.Id, (string?)null);
            }

            Check(await users.ResetAuthenticatorKeyAsync(user));
            Check(await users.SetTwoFactorEnabledAsync(user, true));
            return (user.Id, await users.GetAuthenticatorKeyAsync(user));
        });

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
