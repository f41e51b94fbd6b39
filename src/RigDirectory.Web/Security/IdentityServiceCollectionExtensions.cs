using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Security;

public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// On (the default) everywhere but local development: HTTPS redirection, HSTS, and cookies that are
    /// Secure and named with the <c>__Host-</c> prefix.
    /// </summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>
    /// The port a plain-HTTP request is redirected to (the TLS proxy's). Without one the redirection does nothing,
    /// and every form page then fails on its Secure antiforgery cookie.
    /// </summary>
    public int HttpsPort { get; set; } = 443;

    /// <summary>How long browsers keep to HTTPS once they have seen the site (HSTS), subdomains included.</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>The name an authenticator app shows beside the account's email.</summary>
    public string AuthenticatorIssuer { get; set; } = "RigDirectory";

    /// <summary>How long "Trust this browser" spares a person the authenticator code.</summary>
    public TimeSpan TrustedBrowserFor { get; set; } = TimeSpan.FromDays(30);
}

public static class IdentityServiceCollectionExtensions
{
    public const string CookiePrefix = "__Host-";

    public static IServiceCollection AddAppIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));

        services.AddDefaultIdentity<ApplicationUser>(AccountRules)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddUserManager<AppUserManager>()
            .AddSignInManager<AppSignInManager>()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddScoped<SecurityEventLog>();
        services.AddSingleton<SessionStamps>();
        services.AddScoped<UnknownAccountLockout>();

        // Re-read roles every minute, so a granted role works within a minute; a changed security stamp (password
        // change, role removal, lockout) ends sessions on the next request (Sessions).
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            // The refreshed session keeps how it was signed in (amr=mfa after an authenticator code), or admins
            // would be asked for their code again every minute.
            options.OnRefreshingPrincipal = context =>
            {
                if (context.NewPrincipal?.Identities.FirstOrDefault() is { } identity && context.CurrentPrincipal is { } current)
                {
                    identity.AddClaims(current.FindAll("amr").Where(amr => !identity.HasClaim("amr", amr.Value)).ToList());
                }

                return Task.CompletedTask;
            };
        });

        AddCookies(services, security);
        return services;
    }

    /// <summary>Length over composition (NIST SP 800-63B): 12 characters, no character-class rules; five tries, then 15 minutes.</summary>
    private static void AccountRules(IdentityOptions options)
    {
        options.Password.RequiredLength = 12;
        options.Password.RequiredUniqueChars = 1;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;

        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);

        options.SignIn.RequireConfirmedAccount = true;
        options.SignIn.RequireConfirmedEmail = true;
        options.User.RequireUniqueEmail = true;
    }

    /// <summary>Every cookie the site sets, named <c>__Host-…</c> and Secure when HTTPS is required.</summary>
    private static void AddCookies(IServiceCollection services, SecurityOptions security)
    {
        var prefix = security.RequireHttps ? CookiePrefix : "";
        var securePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        NameCookie(services, IdentityConstants.ApplicationScheme, $"{prefix}rigdirectory.auth", securePolicy);
        NameCookie(services, IdentityConstants.ExternalScheme, $"{prefix}rigdirectory.external", securePolicy);
        NameCookie(services, IdentityConstants.TwoFactorUserIdScheme, $"{prefix}rigdirectory.2fa", securePolicy);
        NameCookie(services, IdentityConstants.TwoFactorRememberMeScheme, $"{prefix}rigdirectory.2fa-remember", securePolicy);
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, options => options.ExpireTimeSpan = security.TrustedBrowserFor);
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Identity/Account/Login";
            options.LogoutPath = "/Identity/Account/Logout";
            options.AccessDeniedPath = "/Identity/Account/AccessDenied";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            options.Events.OnSigningIn = Sessions.OnSigningIn;
            options.Events.OnValidatePrincipal = Sessions.OnValidatePrincipal;
        });

        AddHttps(services, security);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = $"{prefix}rigdirectory.antiforgery";
            options.Cookie.SecurePolicy = securePolicy;
            options.Cookie.Path = "/";
        });
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = $"{prefix}rigdirectory.tempdata";
            options.Cookie.SecurePolicy = securePolicy;
            options.Cookie.Path = "/";
        });
    }

    /// <summary>HSTS, and the redirect to HTTPS (used when HTTPS is required).</summary>
    private static void AddHttps(IServiceCollection services, SecurityOptions security)
    {
        services.AddHsts(options =>
        {
            options.MaxAge = security.HstsMaxAge;
            options.IncludeSubDomains = true;
        });
        services.AddHttpsRedirection(options =>
        {
            options.HttpsPort = security.HttpsPort;
            // Permanent, and a form posted over plain HTTP is posted again, not turned into a GET.
            options.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
        });
    }

    private static void NameCookie(IServiceCollection services, string scheme, string name, CookieSecurePolicy securePolicy) =>
        services.Configure<CookieAuthenticationOptions>(scheme, options =>
        {
            options.Cookie.Name = name;
            options.Cookie.Path = "/";
            options.Cookie.SecurePolicy = securePolicy;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });
}
