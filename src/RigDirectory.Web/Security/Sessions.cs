using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using RigDirectory.Web.Data;

namespace RigDirectory.Web.Security;

/// <summary>
/// What every signed-in request checks before anything else: the account's security stamp is still the one the
/// session was issued with (it changes on a password change, a role removal or a lockout, which so end every
/// session at once, not within a minute), and an admin's session is neither idle for 30 minutes nor older than 12
/// hours.
/// </summary>
public static class Sessions
{
    public static readonly TimeSpan AdminIdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AdminLifetime = TimeSpan.FromHours(12);

    private const string SignedInAt = "rd.signed-in-at";
    private const string LastSeenAt = "rd.last-seen-at";

    public static Task OnSigningIn(CookieSigningInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = Now(context.HttpContext);
        context.Properties.Items.TryAdd(SignedInAt, Format(now));
        context.Properties.Items[LastSeenAt] = Format(now);
        return Task.CompletedTask;
    }

    public static async Task OnValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!await IsCurrentAsync(context))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        // Then Identity's own check, which refreshes roles and claims every minute. Asked only when a minute has passed
        // since the cookie was issued, as it would itself: between, it would only build its services (a sign-in manager,
        // the user manager and a database context), a fifth of a signed-in page's time.
        var interval = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval;
        if (context.Properties.IssuedUtc is not { } issued || Now(context.HttpContext) - issued > interval)
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }
    }

    private static async Task<bool> IsCurrentAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal!;
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var stampClaim = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = principal.FindFirstValue(stampClaim);
        if (userId is null || stamp is null)
        {
            return false;
        }

        var services = context.HttpContext.RequestServices;
        if (await services.GetRequiredService<SessionStamps>().CurrentAsync(services.GetRequiredService<AppDbContext>, userId) != stamp)
        {
            return false;
        }

        return !principal.IsInRole(Roles.AcrAdmin) || IsAdminSessionAlive(context);
    }

    private static bool IsAdminSessionAlive(CookieValidatePrincipalContext context)
    {
        var now = Now(context.HttpContext);
        var items = context.Properties.Items;
        var signedIn = Parse(items.TryGetValue(SignedInAt, out var signedInText) ? signedInText : null) ?? context.Properties.IssuedUtc ?? now;
        var lastSeen = Parse(items.TryGetValue(LastSeenAt, out var lastSeenText) ? lastSeenText : null) ?? signedIn;
        if (now - lastSeen > AdminIdleTimeout || now - signedIn > AdminLifetime)
        {
            return false;
        }

        if (now - lastSeen > TimeSpan.FromMinutes(1))
        {
            // Re-issue the cookie at most once a minute to move the idle clock.
            items[LastSeenAt] = Format(now);
            context.ShouldRenew = true;
        }

        return true;
    }

    private static DateTimeOffset Now(HttpContext context) => context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();

    private static string Format(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;
}
