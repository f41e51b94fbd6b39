using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>Production's logs: JSON lines, one per request by route, and business events by id with no personal data.</summary>
public sealed class ProductionLoggingTests : IDisposable
{
    private readonly ProductionFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public void TheConsole_WritesOneJsonObjectPerLine_WithTheTraceId_AndNeverTheRequestPath()
    {
        var console = _factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var formatter = _factory.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == console.FormatterName);
        var scopes = new LoggerExternalScopeProvider();
        using var request = scopes.Push(new Dictionary<string, object?> { ["TraceId"] = "4bf92f3577b34da6a3ce929d0e0e4736", ["RequestPath"] = "/calendar/Zk3secret.ics" });
        using var line = new StringWriter();

        formatter.Write(new LogEntry<string>(LogLevel.Information, "RigDirectory.Audit", new EventId(1000), "Approved on Rig 7", null, (state, _) => state), scopes, line);

        using var json = JsonDocument.Parse(line.ToString());
        Assert.Single(line.ToString().TrimEnd().Split('\n'));
        Assert.Equal("Approved on Rig 7", json.RootElement.GetProperty("Message").GetString());
        Assert.Equal("Information", json.RootElement.GetProperty("LogLevel").GetString());
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", json.RootElement.GetProperty("Scopes").GetProperty("TraceId").GetString());
        Assert.DoesNotContain("Zk3secret", line.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachRequest_IsLoggedOnce_ByRouteTemplate_NeverByItsPath()
    {
        using var client = _factory.CreateNonRedirectingClient();
        const string secret = "Zk3secretcalendartoken";

        using var response = await client.GetAsync($"/calendar/{secret}.ics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var line = Assert.Single(_factory.Logs.Lines, l => l.Category.EndsWith("HttpLoggingMiddleware", StringComparison.Ordinal));
        Assert.True(line.Message.Contains("Route: calendar/{token}.ics", StringComparison.Ordinal), line.Message);
        Assert.Contains("StatusCode: 404", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_factory.Logs.Lines, l => l.Message.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReviewDecision_IsLoggedWithIds_AndNoNameOrNote()
    {
        var (id, leader) = await _factory.CreateSubmittedRigAsync("uams-com", "Little Rock Radiology Club", _factory.Clock.GetUtcNow().UtcDateTime.AddDays(-3));
        using var admin = _factory.CreateClientAs("reviewer-id", Roles.AcrAdmin);

        using var response = await admin.SubmitFormAsync($"/admin/reviews/{id}", "#decision-form",
            new Dictionary<string, string> { ["Decision.Action"] = "Approve", ["Decision.Note"] = "Welcome aboard, Little Rock", ["Decision.Step"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var audited = Assert.Single(_factory.Logs.Lines, l => l.Category == "RigDirectory.Audit" && l.Message.StartsWith("Approved", StringComparison.Ordinal));
        Assert.Equal($"Approved on Rig {id} (RIG {id}) by user reviewer-id", audited.Message);
        Assert.DoesNotContain(_factory.Logs.Lines, l => l.Message.Contains("Little Rock", StringComparison.Ordinal) || l.Message.Contains(leader.Email!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAuditEntryInATransaction_IsLoggedAtItsCommit_AndNeverWhenItRollsBack()
    {
        async Task<bool> AuditInTransactionAsync(string region, bool commit)
        {
            await using var scope = _factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            await using var transaction = await db.BeginWriteTransactionAsync(CancellationToken.None);
            audit.Record("Region", region, null, AuditAction.RegionEdited);
            await db.SaveChangesAsync();
            var loggedBeforeCommit = _factory.Logs.Lines.Any(l => l.Category == "RigDirectory.Audit" && l.Message.Contains($"Region {region}", StringComparison.Ordinal));
            if (commit)
            {
                await transaction.CommitAsync(CancellationToken.None);
            }

            return loggedBeforeCommit;
        }

        Assert.False(await AuditInTransactionAsync("rolled-back", commit: false));
        Assert.False(await AuditInTransactionAsync("committed", commit: true));

        Assert.DoesNotContain(_factory.Logs.Lines, l => l.Category == "RigDirectory.Audit" && l.Message.Contains("Region rolled-back", StringComparison.Ordinal));
        Assert.Single(_factory.Logs.Lines, l => l.Category == "RigDirectory.Audit" && l.Message.Contains("Region committed", StringComparison.Ordinal));
        Assert.Equal(["committed"], await _factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Region").Select(a => a.EntityId).ToListAsync()));
    }

    private sealed class ProductionFactory : RigDirectoryFactory
    {
        public CapturedLogs Logs { get; } = new();

        protected override string EnvironmentName => Environments.Production;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }

    /// <summary>Every line logged at Information or above, with its category.</summary>
    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<(string Category, string Message)> _lines = new();

        public IReadOnlyList<(string Category, string Message)> Lines => [.. _lines];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(string, string)> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    lines.Enqueue((category, formatter(state, exception)));
                }
            }
        }
    }
}
