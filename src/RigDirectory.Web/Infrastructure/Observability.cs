using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Infrastructure;

/// <summary>
/// Logs as an operator reads them. In Production: one JSON object per line on the console (<see cref="JsonLines"/>:
/// UTC timestamps, scopes included, so every line of a request carries its TraceId and RequestId), and one line per
/// request with its method, route template (never the path: some paths hold secrets, such as a
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

        builder.Logging.AddConsole(options => options.FormatterName = JsonLines.FormatterName)
            .AddConsoleFormatter<JsonLines, ConsoleFormatterOptions>(options => options.IncludeScopes = true);
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

/// <summary>
/// The built-in JSON console format (timestamp, level, category, event id, message, state, scopes), with one change:
/// the request scope's <c>RequestPath</c> is left out, because a path can be a secret (a personal calendar's
/// address); the request log names the route template instead.
/// </summary>
internal sealed class JsonLines(IOptionsMonitor<ConsoleFormatterOptions> options) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "rigdirectory-json";

    /// <summary>The path (it can be a secret) and the message template (the message itself is written).</summary>
    private static readonly HashSet<string> LeftOut = ["RequestPath", "{OriginalFormat}"];
    private static readonly JsonWriterOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writing))
        {
            json.WriteStartObject();
            json.WriteString("Timestamp", TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("LogLevel", logEntry.LogLevel.ToString());
            json.WriteString("Category", logEntry.Category);
            json.WriteNumber("EventId", logEntry.EventId.Id);
            json.WriteString("Message", message);
            if (logEntry.Exception is { } exception)
            {
                json.WriteString("Exception", exception.ToString());
            }

            if (logEntry.State is IEnumerable<KeyValuePair<string, object?>> state)
            {
                json.WriteStartObject("State");
                WriteValues(json, state);
                json.WriteEndObject();
            }

            if (options.CurrentValue.IncludeScopes && scopeProvider is not null)
            {
                WriteScopes(json, scopeProvider);
            }

            json.WriteEndObject();
        }

        textWriter.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void WriteScopes(Utf8JsonWriter json, IExternalScopeProvider scopeProvider)
    {
        json.WriteStartObject("Scopes");
        scopeProvider.ForEachScope((scope, writer) =>
        {
            if (scope is IEnumerable<KeyValuePair<string, object?>> values)
            {
                WriteValues(writer, values);
            }
        }, json);
        json.WriteEndObject();
    }

    private static void WriteValues(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, object?>> values)
    {
        foreach (var (key, value) in values)
        {
            if (!LeftOut.Contains(key))
            {
                json.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            }
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
