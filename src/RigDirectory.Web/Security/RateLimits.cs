using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;

namespace RigDirectory.Web.Security;

/// <summary>How many attempts each limited action allows per window; bound from <c>RateLimiting</c>.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Posts to sign-in, registration, password reset, confirmation and two-factor pages, per client address.</summary>
    public int AccountPosts { get; set; } = 10;

    public TimeSpan AccountWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Invitation and sponsor emails a user can ask the app to send.</summary>
    public int OutgoingEmails { get; set; } = 10;

    public TimeSpan OutgoingEmailWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>School type-ahead lookups, per user or client address.</summary>
    public int TypeAhead { get; set; } = 60;

    public TimeSpan TypeAheadWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Invitation and sponsor emails one RIG sends in 24 hours.</summary>
    public int EmailsPerRigPerDay { get; set; } = 20;

    /// <summary>Invitation and sponsor emails one address receives in 24 hours, from all RIGs together.</summary>
    public int EmailsPerRecipientPerDay { get; set; } = 3;
}

/// <summary>
/// The built-in rate limiter on what an outsider could hammer: account pages (guessing, spam, enumeration), the
/// emails the app sends on a user's behalf, and the type-ahead. A refusal is a 429 with <c>Retry-After</c> and the
/// site's "too many requests" page.
/// </summary>
public static class RateLimits
{
    public const string AccountPosts = nameof(AccountPosts);
    public const string OutgoingEmail = nameof(OutgoingEmail);
    public const string TypeAhead = nameof(TypeAhead);

    /// <summary>The account pages (ours and the default UI's) whose posts are limited per client address.</summary>
    public static readonly IReadOnlyList<string> AccountPages =
    [
        "/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Account/ResendEmailConfirmation",
        "/Account/ResetPassword", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode",
    ];

    public static IServiceCollection AddAppRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            options.AddPolicy(AccountPosts, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => Window(limits.AccountPosts, limits.AccountWindow))
                : RateLimitPartition.GetNoLimiter(""));
            options.AddPolicy(OutgoingEmail, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(UserOrAddress(context), _ => Window(limits.OutgoingEmails, limits.OutgoingEmailWindow))
                : RateLimitPartition.GetNoLimiter(""));
            options.AddPolicy(TypeAhead, context =>
                RateLimitPartition.GetFixedWindowLimiter(UserOrAddress(context), _ => Window(limits.TypeAhead, limits.TypeAheadWindow)));
        });
        return services;
    }

    /// <summary>Puts the account pages under <see cref="AccountPosts"/>; the default UI's pages cannot carry attributes.</summary>
    public static void LimitAccountPages(PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        foreach (var page in AccountPages)
        {
            conventions.AddAreaPageApplicationModelConvention("Identity", page, model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(AccountPosts)));
        }
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };

    private static string ClientAddress(HttpContext context) => "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static string UserOrAddress(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? "user:" + userId : ClientAddress(context);
}
