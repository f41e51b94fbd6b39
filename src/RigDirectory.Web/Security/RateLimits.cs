using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace RigDirectory.Web.Security;

/// <summary>How many attempts each limited action allows per window; bound from <c>RateLimiting</c>.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    /// <summary>
    /// Posts to sign-in, registration, password reset, confirmation and two-factor pages for one account (the address
    /// typed, or the signed-in user), from wherever they come: one account tried from many addresses is an attack.
    /// </summary>
    public int AccountPosts { get; set; } = 10;

    /// <summary>
    /// The same posts from one client address for every account together: a campus or a conference network signs
    /// many people in from one address, so this is a ceiling well above one person's attempts.
    /// </summary>
    public int AccountPostsPerAddress { get; set; } = 60;

    public TimeSpan AccountWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Emails a signed-in user can ask the app to send to others in an hour, per kind (invitations and sponsors, a new
    /// address, claims, messages to starters, mentorship requests; see <see cref="MailFlows"/>). The in-memory limiter on
    /// those forms uses it too.
    /// </summary>
    public int OutgoingEmails { get; set; } = 10;

    public TimeSpan OutgoingEmailWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>School type-ahead lookups, per user or client address.</summary>
    public int TypeAhead { get; set; } = 60;

    public TimeSpan TypeAheadWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Invitation and sponsor emails one RIG sends in 24 hours.</summary>
    public int EmailsPerRigPerDay { get; set; } = 20;

    /// <summary>Invitations, sponsor confirmations, claims and new-address confirmations one address receives in 24 hours, from everyone together.</summary>
    public int EmailsPerRecipientPerDay { get; set; } = 3;

    /// <summary>Messages to starters and mentorship requests one person receives in 24 hours: people who offered to be contacted.</summary>
    public int MessagesPerRecipientPerDay { get; set; } = 10;

    /// <summary>Account emails (confirmation, reset) one account or client address asks for in an hour, counted from the outbox.</summary>
    public int AccountEmailsPerSender { get; set; } = 10;

    /// <summary>Claims one account makes in 24 hours (each emails a RIG's sponsor): a student leads one RIG or two.</summary>
    public int ClaimsPerSenderPerDay { get; set; } = 2;

    /// <summary>Notices of a changed event (time or place) one person receives in 24 hours, from every host together; more are left unsent.</summary>
    public int EventChangesPerRecipientPerDay { get; set; } = 5;

    /// <summary>Account emails one address receives in 24 hours.</summary>
    public int AccountEmailsPerRecipientPerDay { get; set; } = 5;
}

/// <summary>
/// The built-in rate limiter on what an outsider could hammer: account pages (guessing, spam, enumeration), the
/// emails the app sends on a user's behalf, and the type-ahead. A refusal is a 429 with <c>Retry-After</c> and the
/// site's "too many requests" page. The counts are <see cref="ISharedCounters"/>: shared by every instance through
/// Redis when it is configured, else each instance's own.
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
        "/Account/ResetPassword", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/Manage/Email",
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
                ? Window(context, AccountPosts, ClientAddress(context), limits.AccountPostsPerAddress, limits.AccountWindow)
                : RateLimitPartition.GetNoLimiter(""));
            options.AddPolicy(OutgoingEmail, context => HttpMethods.IsPost(context.Request.Method)
                ? Window(context, OutgoingEmail, UserOrAddress(context), limits.OutgoingEmails, limits.OutgoingEmailWindow)
                : RateLimitPartition.GetNoLimiter(""));
            options.AddPolicy(TypeAhead, context => Window(context, TypeAhead, UserOrAddress(context), limits.TypeAhead, limits.TypeAheadWindow));
        });
        return services;
    }

    /// <summary>
    /// Puts the account pages under <see cref="AccountPosts"/> per client address and <see cref="AccountPostLimits"/>
    /// per account; the default UI's pages cannot carry attributes.
    /// </summary>
    public static void LimitAccountPages(PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        foreach (var page in AccountPages)
        {
            conventions.AddAreaPageApplicationModelConvention("Identity", page, model =>
            {
                model.EndpointMetadata.Add(new EnableRateLimitingAttribute(AccountPosts));
                model.Filters.Add(new ServiceFilterAttribute(typeof(AccountPostLimits)));
            });
        }
    }

    /// <summary>
    /// A fixed window of <paramref name="permits"/> per <paramref name="window"/> for one partition, counted in the
    /// shared counters: in Redis when it is configured, so that every instance counts against one limit.
    /// </summary>
    private static RateLimitPartition<string> Window(HttpContext context, string policy, string partition, int permits, TimeSpan window)
    {
        var counters = context.RequestServices.GetRequiredService<ISharedCounters>();
        return RateLimitPartition.Get(partition, key => new CounterWindowLimiter(counters, $"limit:{policy}:{key}", permits, window));
    }

    public static string ClientAddress(HttpContext context) => "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static string UserOrAddress(HttpContext context) => MailSenders.Of(context)!;
}

/// <summary>
/// The account pages' limit per account: posts naming one account (the address typed in <c>Input.Email</c>, else
/// the signed-in user) count together from every client address, so one account guessed from many addresses is
/// stopped while many people signing in from one campus address are not.
/// </summary>
public sealed class AccountPostLimits(ISharedCounters counters, IOptions<RateLimitOptions> options) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (HttpMethods.IsPost(context.HttpContext.Request.Method) && Account(context.HttpContext) is { } account)
        {
            var limits = options.Value;
            var (count, resetsIn) = counters.Hit($"limit:{RateLimits.AccountPosts}:account:{account}", limits.AccountWindow);
            if (count > limits.AccountPosts)
            {
                var minutes = Math.Max(1, (int)Math.Ceiling(resetsIn.TotalMinutes));
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(resetsIn.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                context.HttpContext.Items[MailRefusedException.ItemKey] =
                    $"This account has been tried {limits.AccountPosts} times in the last {(int)limits.AccountWindow.TotalMinutes} minutes, from one place or several. To keep it safe, try again in {minutes} minute{(minutes == 1 ? "" : "s")}.";
                context.Result = new StatusCodeResult(StatusCodes.Status429TooManyRequests);
                return;
            }
        }

        await next();
    }

    /// <summary>The account a post is about: the email typed (as Identity compares it), else the signed-in user.</summary>
    private static string? Account(HttpContext context)
    {
        var typed = context.Request.HasFormContentType ? context.Request.Form["Input.Email"].ToString().Trim() : "";
        return typed.Length is > 0 and <= Data.Limits.Email ? "email:" + typed.ToUpperInvariant()
            : context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? "user:" + userId
            : null;
    }
}
