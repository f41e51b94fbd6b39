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
}

public static class IdentityServiceCollectionExtensions
{
    public const string CookiePrefix = "__Host-";

    public static IServiceCollection AddAppIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));

        services.AddDefaultIdentity<ApplicationUser>(options =>
            {
                // Length over composition (NIST SP 800-63B): 12 characters, no character-class rules.
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
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>();

        // Re-read roles and the security stamp every minute, so a removed role stops working within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        var prefix = security.RequireHttps ? CookiePrefix : "";
        var securePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        NameCookie(services, IdentityConstants.ApplicationScheme, $"{prefix}rigdirectory.auth", securePolicy);
        NameCookie(services, IdentityConstants.ExternalScheme, $"{prefix}rigdirectory.external", securePolicy);
        NameCookie(services, IdentityConstants.TwoFactorUserIdScheme, $"{prefix}rigdirectory.2fa", securePolicy);
        NameCookie(services, IdentityConstants.TwoFactorRememberMeScheme, $"{prefix}rigdirectory.2fa-remember", securePolicy);
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Identity/Account/Login";
            options.LogoutPath = "/Identity/Account/Logout";
            options.AccessDeniedPath = "/Identity/Account/AccessDenied";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
        });

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
        return services;
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
