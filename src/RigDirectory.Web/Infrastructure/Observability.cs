using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpLogging;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Infrastructure;

/// <summary>
/// Logs as an operator reads them. In Production: one JSON object per line on the console (the built-in JSON
/// formatter, UTC timestamps, scopes included, so every line of a request carries its TraceId and RequestId), and
/// one line per request with its method, route template (never the path: some paths hold secrets, such as a
/// personal calendar token), status and duration. The business events (<see cref="BusinessEvents"/>) carry ids, never
/// names, addresses or notes. ASP.NET Core's built-in metrics need nothing here: see the README for
/// <c>dotnet-counters</c>.
/// </summary>
public static class Observability
{
    public static WebApplicationBuilder AddAppLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Environment.IsProduction())
        {
            return builder;
        }

        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
        });
        builder.Services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
        builder.Services.AddSingleton<IHttpLoggingInterceptor, RouteNotPath>();
        return builder;
    }

    /// <summary>The request log, in Production; first in the pipeline, so that it sees the status the client got.</summary>
    public static WebApplication UseAppRequestLogging(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Environment.IsProduction())
        {
            app.UseHttpLogging();
        }

        return app;
    }

    /// <summary>Logs the matched route's template ("rigs/{slug}") in place of the path.</summary>
    private sealed class RouteNotPath : IHttpLoggingInterceptor
    {
        public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext) => ValueTask.CompletedTask;

        public ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext)
        {
            // The endpoint the request matched, not the error page's that answered it.
            var context = logContext.HttpContext;
            var endpoint = context.Features.Get<IStatusCodeReExecuteFeature>()?.Endpoint
                ?? context.Features.Get<IExceptionHandlerPathFeature>()?.Endpoint
                ?? context.GetEndpoint();
            logContext.AddParameter("Route", endpoint switch
            {
                RouteEndpoint route => route.RoutePattern.RawText ?? "(unnamed)",
                null => "(none)",
                _ => "(other)",
            });
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>What happened, by id: what an operator follows when a leader says "I submitted and heard nothing".</summary>
public static partial class BusinessEvents
{
    /// <summary>Every audited change, logged once it is saved: a submission, a review decision, an edit, a failed email.</summary>
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "{Action} on {EntityType} {EntityId} (RIG {RigId}) by user {UserId}")]
    public static partial void Audited(ILogger logger, AuditAction action, string entityType, string entityId, int? rigId, string? userId);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Email {MessageId} sent (attempt {Attempt})")]
    public static partial void EmailSent(ILogger logger, long messageId, int attempt);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Email {MessageId} failed (attempt {Attempt}; giving up: {GivingUp})")]
    public static partial void EmailFailed(ILogger logger, Exception exception, long messageId, int attempt, bool givingUp);
}
