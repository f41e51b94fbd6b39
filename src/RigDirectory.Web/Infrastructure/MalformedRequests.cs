using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace RigDirectory.Web.Infrastructure;

/// <summary>
/// Requests the app cannot read (too large, too many form fields, a key or value over its limit, broken
/// multipart) are the client's fault: they get a plain 400 or 413 page in every environment, never a 500.
/// </summary>
public static class MalformedRequests
{
    /// <summary>The largest request body accepted, in bytes (Kestrel's own limit is set to the same).</summary>
    public const long MaxBodyBytes = 10 * 1024 * 1024;

    public static IServiceCollection AddAppRequestLimits(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(options =>
        {
            options.Limits.MaxRequestBodySize = MaxBodyBytes;
            // The Server header only tells an attacker what to look up.
            options.AddServerHeader = false;
        });

    public static IApplicationBuilder UseMalformedRequestAnswers(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            await WriteAsync(context, StatusCodes.Status413PayloadTooLarge);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception exception) when (StatusFor(exception) is { } status && !context.Response.HasStarted)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MalformedRequests))
                .LogInformation("Refused a malformed request to {Path}: {Reason}", context.Request.Path, exception.Message);
            context.Response.Clear();
            await WriteAsync(context, status);
        }
    });

    /// <summary>400 or 413 for an exception caused by what the client sent; null for anything else (a real 500).</summary>
    public static int? StatusFor(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            switch (exception)
            {
                case Microsoft.AspNetCore.Http.BadHttpRequestException bad:
                    return bad.StatusCode;
                case InvalidDataException:
                case AntiforgeryValidationException:
                    return StatusCodes.Status400BadRequest;
            }
        }

        return null;
    }

    private static Task WriteAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var (title, text) = status == StatusCodes.Status413PayloadTooLarge
            ? ("Too large", "What was sent is larger than this site accepts. Go back and send less (a smaller file, a shorter text).")
            : ("Bad request", "This site could not read what was sent. Go back, reload the page and try again.");
        return context.Response.WriteAsync(
            $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} — RigDirectory</title></head>" +
            $"<body><h1>{title}</h1><p>{text}</p><p><a href=\"/\">RigDirectory home</a></p></body></html>");
    }
}
