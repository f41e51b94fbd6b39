using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Infrastructure;

/// <summary>
/// Requests the app cannot read (too large, too many form fields, a key or value over its limit, broken
/// multipart) are the client's fault: they get the site's 400 or 413 page in every environment, never a 500. An
/// email the limits refused (<see cref="MailRefusedException"/>) gets a 429 with <c>Retry-After</c> and the sentence
/// saying why, and nothing of the request is saved.
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
        // Not again when the error page is re-executed for the same (still too large) request.
        if (context.Request.ContentLength > MaxBodyBytes && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
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
            // Cleared and left empty: the status-code pages outside render the site's page for the status.
            context.Response.Clear();
            context.Response.StatusCode = status;
            if (Refusal(exception) is { } refused)
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(refused.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.Items[MailRefusedException.ItemKey] = refused.Message;
            }
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
                case MailRefusedException:
                    return StatusCodes.Status429TooManyRequests;
            }
        }

        return null;
    }

    private static MailRefusedException? Refusal(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is MailRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
