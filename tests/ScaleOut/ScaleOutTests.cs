using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;
using StackExchange.Redis;

namespace RigDirectory.ScaleOutTests;

/// <summary>Two instances of the published app on one database and one Redis, as behind a balancer.</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Prepared.Work, $"cluster-{Guid.NewGuid():N}");

    public TwoInstances()
    {
        Directory.CreateDirectory(_folder);
        Mail = Path.Combine(_folder, "mail");
        Database = new SharedDatabase(Path.Combine(_folder, "rigdirectory.db"));
        // Links in email name the site, not either instance.
        const string site = "https://rigdirectory.test/";
        A = new Instance("A", Database.Path, Mail, Prepared.Redis, site);
        B = new Instance("B", Database.Path, Mail, Prepared.Redis, site);
    }

    public Instance A { get; }

    public Instance B { get; }

    public SharedDatabase Database { get; }

    public string Mail { get; }

    public string Folder => _folder;

    public async Task InitializeAsync()
    {
        // A migrates and seeds; B starts on the database A made.
        await A.StartAsync();
        await B.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}

public sealed class ScaleOutTests(TwoInstances cluster) : IClassFixture<TwoInstances>
{
    private const string Password = "scale out lantern harbour";

    [Fact]
    public async Task ASignInMadeOnA_IsValidOnB_AndSoAreItsAntiforgeryTokens()
    {
        await cluster.Database.CreateUserAsync("student.ab@example.org", Password, authenticator: false, Roles.Student);
        // One browser, one cookie jar, whichever instance the balancer picks.
        var jar = new CookieContainer();
        using var onA = cluster.A.Client(jar);
        using var onB = cluster.B.Client(jar);

        using var signIn = await CookieSignIn.PasswordAsync(onA, "student.ab@example.org", Password);
        using var mine = await onB.GetAsync("/my/events");
        var pageFromA = await onA.GetDocumentAsync("/my/events");
        using var signOut = await onB.SubmitFormAsync(pageFromA, "form[action^='/Identity/Account/Logout']", new Dictionary<string, string>());
        using var afterwards = await onA.GetAsync("/my/events");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Contains("/Identity/Account/Login", afterwards.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APasswordChangedOnA_EndsTheSessionOnB_OnItsNextRequest()
    {
        await cluster.Database.CreateUserAsync("student.revoked@example.org", Password, authenticator: false, Roles.Student);
        using var stolenOnB = cluster.B.Client(new CookieContainer());
        using var ownerOnA = cluster.A.Client(new CookieContainer());
        using (var signIn = await CookieSignIn.PasswordAsync(stolenOnB, "student.revoked@example.org", Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using (var signIn = await CookieSignIn.PasswordAsync(ownerOnA, "student.revoked@example.org", Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        // B has checked this session's stamp, and keeps it in memory.
        using var before = await stolenOnB.GetAsync("/my/events");
        await ownerOnA.SubmitFormExpectingRedirectAsync("/Identity/Account/Manage/ChangePassword", "form#change-password-form", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = Password,
            ["Input.NewPassword"] = "a new scale out password",
            ["Input.ConfirmPassword"] = "a new scale out password",
        });
        using var after = await stolenOnB.GetAsync("/my/events");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Identity/Account/Login", after.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnApprovalOnA_ShowsOnBsCachedPages_OnTheNextRequest()
    {
        var (leaderId, _) = await cluster.Database.CreateUserAsync("leader.scaleout@example.org", Password, authenticator: false, Roles.Student);
        var rigId = await cluster.Database.WithDbAsync(async (db, _) =>
        {
            var submitted = DateTime.UtcNow.AddDays(-2);
            var rig = await TestRigs.MakeAsync(db, "scale-out-society", "Scale Out Radiology Society", "uams-com", RigStatus.Submitted, r =>
            {
                r.Description = "Talks and workshops for every year.";
                r.ContactEmail = "scaleout@example.org";
                r.SubmittedAt = submitted;
                r.CreatedByUserId = leaderId;
                r.RegistrationStep = RegistrationStep.Review;
                r.Officers.Add(new RigOfficer { UserId = leaderId, Position = "President", GraduationYear = submitted.Year + 2 });
                r.Events.Add(TestEvents.Make("Kick-off", submitted.AddDays(30)));
            });
            db.Rigs.Add(rig);
            await db.SaveChangesAsync();
            return rig.Id;
        });
        using var visitorOnB = cluster.B.Client();
        Assert.DoesNotContain("Scale Out Radiology Society", await visitorOnB.GetStringAsync("/rigs"), StringComparison.Ordinal);
        Assert.DoesNotContain("Scale Out Radiology Society", await visitorOnB.GetStringAsync("/schools/uams-com"), StringComparison.Ordinal);
        // B's pages are in Redis now, where A's eviction must reach them.
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(Prepared.Redis))
        {
            Assert.NotEmpty(redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: "rigdirectory:*"));
        }

        var (_, key) = await cluster.Database.CreateUserAsync("curator@acr.example", Password, authenticator: true, Roles.AcrAdmin);
        using var curatorOnA = cluster.A.Client();
        using (var signIn = await CookieSignIn.WithAuthenticatorAsync(curatorOnA, "curator@acr.example", Password, key!, DateTimeOffset.UtcNow))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        await curatorOnA.SubmitFormExpectingRedirectAsync($"/admin/reviews/{rigId}", "#decision-form",
            new Dictionary<string, string> { ["Decision.Action"] = "Approve", ["Decision.Note"] = "", ["Decision.Step"] = "" });

        Assert.Contains("Scale Out Radiology Society", await visitorOnB.GetStringAsync("/rigs"), StringComparison.Ordinal);
        Assert.Contains("Scale Out Radiology Society", await visitorOnB.GetStringAsync("/schools/uams-com"), StringComparison.Ordinal);
        using var profile = await visitorOnB.GetAsync("/rigs/scale-out-society");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
    }

    [Fact]
    public async Task EmailsQueuedOnEitherInstance_AreEachSentOnce_WithBothWorkersRunning()
    {
        var recipients = Enumerable.Range(0, 12).Select(i => $"mail.once.{i}@example.org").ToList();
        foreach (var recipient in recipients)
        {
            await cluster.Database.CreateUserAsync(recipient, Password, authenticator: false, Roles.Student);
        }

        // "Forgot password" on A for half of them and on B for the others: each queues one email.
        await Task.WhenAll(recipients.Select(async (recipient, i) =>
        {
            using var client = (i % 2 == 0 ? cluster.A : cluster.B).Client();
            await client.SubmitFormExpectingRedirectAsync("/Identity/Account/ForgotPassword", "form#forgot-password", new Dictionary<string, string> { ["Input.Email"] = recipient });
        }));

        var sent = await WaitForMailAsync(recipients, TimeSpan.FromSeconds(30));
        // Both workers poll five times a second: give them ten more rounds to send anything twice.
        await Task.Delay(TimeSpan.FromSeconds(2));
        sent = await WaitForMailAsync(recipients, TimeSpan.Zero);

        Assert.All(recipients, recipient => Assert.Equal(1, sent.Count(to => to == recipient)));
        var rows = await cluster.Database.WithDbAsync((db, _) => db.OutboxMessages.AsNoTracking().Where(m => recipients.Contains(m.Recipient)).Select(m => new { m.SentAt, m.Attempts }).ToListAsync());
        Assert.Equal(recipients.Count, rows.Count);
        Assert.All(rows, row => Assert.True(row.SentAt is not null && row.Attempts == 1));
    }

    [Fact]
    public async Task Readiness_IncludesRedis()
    {
        using var client = cluster.A.Client();

        var ready = await client.GetStringAsync("/readyz");

        Assert.Equal("""{"status":"Healthy","checks":{"database":"Healthy","redis":"Healthy"},"pendingMigrations":0}""", ready);
    }

    [Fact]
    public async Task TheLog_IsJsonLines_EachRequestWithItsTraceIdAndRoute()
    {
        using var client = cluster.B.Client();
        using (await client.GetAsync("/calendar/Zk3secretcalendartoken.ics"))
        {
        }

        await Task.Delay(500);
        var requests = cluster.B.Output.Where(line => line.StartsWith('{')).Select(line => JsonDocument.Parse(line).RootElement)
            .Where(json => json.GetProperty("Category").GetString()!.EndsWith("HttpLoggingMiddleware", StringComparison.Ordinal))
            .ToList();

        var feed = Assert.Single(requests, json => json.GetProperty("State").GetProperty("Route").GetString() == "calendar/{token}.ics");
        Assert.Matches("^[0-9a-f]{32}$", feed.GetProperty("Scopes").GetProperty("TraceId").GetString());
        Assert.Equal("404", feed.GetProperty("State").GetProperty("StatusCode").GetString());
        Assert.DoesNotContain(cluster.B.Output, line => line.Contains("Zk3secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheBackupCommand_CopiesTheDatabaseWhileBothInstancesServe()
    {
        var target = Path.Combine(cluster.Folder, "backups", "rigdirectory.db");
        var start = new ProcessStartInfo("dotnet", [Prepared.App, "backup", target, $"--ConnectionStrings:Sqlite=Data Source={cluster.Database.Path}"])
        {
            WorkingDirectory = Path.GetDirectoryName(Prepared.App)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var readers = new CancellationTokenSource();
        var load = Task.Run(async () =>
        {
            using var client = cluster.A.Client();
            while (!readers.IsCancellationRequested)
            {
                using var _ = await client.GetAsync("/rigs");
            }
        });

        using var backup = Process.Start(start)!;
        var output = await backup.StandardOutput.ReadToEndAsync();
        var error = await backup.StandardError.ReadToEndAsync();
        await backup.WaitForExitAsync();
        await readers.CancelAsync();
        await load;

        Assert.True(backup.ExitCode == 0, error);
        Assert.Contains("integrity ok", output, StringComparison.Ordinal);
        await using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        await using var count = copy.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM Schools;";
        Assert.Equal(await cluster.Database.WithDbAsync((db, _) => db.Schools.LongCountAsync()), (long)(await count.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task KillingAMidLoad_LeavesBServing_WithZeroFailedReads()
    {
        await cluster.Database.CreateUserAsync("reader.b@example.org", Password, authenticator: false, Roles.Student);
        var studentOnB = cluster.B.Client();
        (await CookieSignIn.PasswordAsync(studentOnB, "reader.b@example.org", Password)).Dispose();
        string[] pages = ["/", "/rigs", "/events", "/regions/us-region-7", "/rigs?q=radiology", "/about"];
        using var stop = new CancellationTokenSource();
        var failures = new List<string>();
        var reads = 0;

        async Task ReadAsync(HttpClient client, bool counted)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var url = counted && client == studentOnB && i % 2 == 0 ? "/my/events" : pages[i % pages.Length];
                try
                {
                    using var response = await client.GetAsync(url);
                    if (counted && response.StatusCode != HttpStatusCode.OK)
                    {
                        lock (failures)
                        {
                            failures.Add($"{url}: {(int)response.StatusCode}");
                        }
                    }
                }
                catch (HttpRequestException) when (!counted)
                {
                    // A's readers lose their instance: the balancer's health checks take it out.
                    await Task.Delay(50);
                }
                catch (Exception exception) when (counted)
                {
                    lock (failures)
                    {
                        failures.Add($"{url}: {exception.Message}");
                    }
                }

                if (counted)
                {
                    Interlocked.Increment(ref reads);
                }
            }
        }

        var onA = Enumerable.Range(0, 2).Select(_ => cluster.A.Client()).ToList();
        var onB = Enumerable.Range(0, 2).Select(_ => cluster.B.Client()).Append(studentOnB).ToList();
        var load = onA.Select(c => ReadAsync(c, counted: false)).Concat(onB.Select(c => ReadAsync(c, counted: true))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2));

        cluster.A.Kill();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        await Task.WhenAll(load);
        foreach (var client in onA.Concat(onB))
        {
            client.Dispose();
        }

        // Back in service for whatever runs next.
        await cluster.A.StartAsync();
        Assert.Empty(failures);
        Assert.True(reads > 100, $"Only {reads} reads reached B.");
    }

    private async Task<List<string>> WaitForMailAsync(IReadOnlyCollection<string> recipients, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var sent = Directory.Exists(cluster.Mail)
                ? Directory.GetFiles(cluster.Mail, "*.eml").Select(file => MimeMessage.Load(file).To.Mailboxes.Single().Address).Where(recipients.Contains).ToList()
                : [];
            if (DateTime.UtcNow >= deadline || recipients.All(sent.Contains))
            {
                return sent;
            }

            await Task.Delay(200);
        }
    }
}
