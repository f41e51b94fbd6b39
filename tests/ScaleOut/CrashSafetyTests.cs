using System.Collections.Concurrent;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;

namespace RigDirectory.ScaleOutTests;

/// <summary>The process killed (<c>kill -9</c>) while it writes: nothing it acknowledged is lost, and the database is intact.</summary>
public sealed class CrashSafetyTests
{
    [Fact]
    public async Task EveryAcknowledgedWrite_SurvivesAKillMidLoad_AndTheDatabaseIsIntact()
    {
        var folder = Path.Combine(Prepared.Work, $"crash-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var database = new SharedDatabase(Path.Combine(folder, "rigdirectory.db"));
        await using var instance = new Instance("crash", database.Path, Path.Combine(folder, "mail"), redis: null, publicBaseUrl: "https://rigdirectory.test/");
        await instance.StartAsync();
        var acknowledged = new ConcurrentBag<string>();
        var attempted = 0;
        using var enough = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        // Four people signing up at once, each sign-up a transaction (account, role, confirmation email queued).
        async Task SignUpAsync(int writer)
        {
            using var client = instance.Client();
            var form = await client.GetDocumentAsync("/Identity/Account/Register");
            for (var n = 0; ; n++)
            {
                var email = $"crash.{writer}.{n}@example.org";
                Interlocked.Increment(ref attempted);
                try
                {
                    using var response = await client.SubmitFormAsync(form, "form#registerForm", new Dictionary<string, string>
                    {
                        ["Input.DisplayName"] = $"Crash Writer {writer}",
                        ["Input.Email"] = email,
                        ["Input.Password"] = "quiet harbour lantern crash",
                        ["Input.ConfirmPassword"] = "quiet harbour lantern crash",
                    });
                    if (response.StatusCode != HttpStatusCode.Redirect)
                    {
                        throw new InvalidOperationException($"Sign-up {email} was refused: {(int)response.StatusCode}");
                    }

                    acknowledged.Add(email);
                }
                catch (HttpRequestException)
                {
                    // The process is gone: whatever was in flight was never acknowledged.
                    return;
                }
            }
        }

        var writers = Enumerable.Range(0, 4).Select(SignUpAsync).ToList();
        while (acknowledged.Count < 40 && !enough.IsCancellationRequested && writers.All(w => !w.IsCompleted))
        {
            await Task.Delay(20);
        }

        instance.Kill();
        await Task.WhenAll(writers);
        await instance.StartAsync();

        Assert.True(acknowledged.Count >= 40, $"Only {acknowledged.Count} sign-ups were acknowledged before the kill.");
        Assert.True(attempted > acknowledged.Count, "Writes were still in flight when the process was killed.");
        var saved = await database.WithDbAsync((db, _) => db.Users.AsNoTracking().Where(u => u.Email!.StartsWith("crash.")).Select(u => u.Email!).ToListAsync());
        Assert.Empty(acknowledged.Except(saved));
        await using var connection = new SqliteConnection($"Data Source={database.Path};Pooling=False");
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", await check.ExecuteScalarAsync());
        using var visitor = instance.Client();
        using var home = await visitor.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }
}
