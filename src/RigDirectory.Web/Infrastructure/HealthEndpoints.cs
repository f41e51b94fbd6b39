using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RigDirectory.Web.Data;

namespace RigDirectory.Web.Infrastructure;

/// <summary>
/// <c>/healthz</c>: the process answers (liveness; touches nothing). <c>/readyz</c>: the database answers and its
/// schema has every migration this build expects, and Redis answers when configured (readiness: a proxy or orchestrator
/// sends traffic only to a ready instance). Both are anonymous, never cached, and say only each check's status and
/// the number of pending migrations: no messages, names or versions.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/healthz";
    public const string ReadyPath = "/readyz";
    public const string ReadyTag = "ready";

    public static IServiceCollection AddAppHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: [ReadyTag]);
        return services;
    }

    public static bool IsHealthPath(PathString path) => path.Equals(LivePath, StringComparison.OrdinalIgnoreCase) || path.Equals(ReadyPath, StringComparison.OrdinalIgnoreCase);

    public static void MapAppHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReadinessAsync,
        }).AllowAnonymous().DisableRateLimiting();
    }

    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        // Unknown (null) when the database did not answer.
        var pending = report.Entries.TryGetValue("database", out var database) && database.Data.TryGetValue(DatabaseReadyCheck.PendingKey, out var count) ? count : null;
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
            pendingMigrations = pending,
        }, cancellationToken: context.RequestAborted);
    }
}

/// <summary>
/// Healthy when the database answers and has every migration this build has; one statement (the migrations
/// history), which also proves the connection. Unhealthy while a migration is missing: queries would fail.
/// </summary>
internal sealed class DatabaseReadyCheck(AppDbContext db) : IHealthCheck
{
    public const string PendingKey = "pending";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        var data = new Dictionary<string, object> { [PendingKey] = pending };
        return pending == 0 ? HealthCheckResult.Healthy(data: data) : HealthCheckResult.Unhealthy($"{pending} pending migrations", data: data);
    }
}
