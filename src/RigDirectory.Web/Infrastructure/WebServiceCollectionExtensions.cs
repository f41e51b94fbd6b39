using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using RigDirectory.Web.Data.Seed;
using RigDirectory.Web.Infrastructure.Forms;
using RigDirectory.Web.Infrastructure.Holes;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Infrastructure;

public static class WebServiceCollectionExtensions
{
    public static IServiceCollection AddAppWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAppScaleOut(configuration);
        services.AddAppHealthChecks();
        services.AddControllersWithViews(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()))
            // Codes as pages and the CSV write them: "US", "MD", not 0.
            .AddJsonOptions(options => options.JsonSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            // Feature folders: a controller, its models and its views side by side.
            .AddRazorOptions(FeatureFolders.AddTo);
        services.AddRazorPages(options =>
        {
            RateLimits.LimitAccountPages(options.Conventions);
            IdentityPageGuards.Guard(options.Conventions);
        });
        services.AddScoped<IdentityPageGuards>();
        services.AddScoped<AccountPostLimits>();
        // Controllers and the Identity pages share these.
        services.Configure<MvcOptions>(options =>
        {
            PlainBindingMessages.Apply(options.ModelBindingMessageProvider);
            options.ModelBinderProviders.Insert(0, new BooleanModelBinderProvider());
        });
        services.AddAppRateLimiting(configuration);
        services.AddAppRequestLimits();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DemoDataStatus>();
        // School and RIG names are often French or accented: write them as characters, not &#x…; escapes.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            // Calendar feeds (a region's is 250 KB of 500 events) are kept in the output cache compressed, like pages.
            options.MimeTypes = [.. Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes, "text/calendar"];
        });
        services.AddSignedInPages();
        return services;
    }

    public static IServiceCollection AddAppSeeding(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.Section));
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section));
        services.Configure<BenchmarkOptions>(configuration.GetSection(BenchmarkOptions.Section));
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    public static WebApplication UseAppPipeline(this WebApplication app)
    {
        // Fail fast, before touching the database, when a required setting (the public base URL) is missing.
        _ = app.Services.GetRequiredService<IOptions<AppOptions>>().Value;
        var requireHttps = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.RequireHttps;
        app.UseAppRequestLogging();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            if (requireHttps)
            {
                app.UseHsts();
            }
        }

        if (requireHttps)
        {
            // Probes come over plain HTTP from inside the network, to the instance itself.
            app.UseWhen(context => !HealthEndpoints.IsHealthPath(context.Request.Path), branch => branch.UseHttpsRedirection());
        }

        app.UseAppMiddleware();
        app.MapAppEndpoints();
        return app;
    }

    /// <summary>From the security headers to compression, in the order each depends on.</summary>
    private static void UseAppMiddleware(this WebApplication app)
    {
        app.Use(SecurityHeaders);
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        // Inside the status-code pages, so its 400s and 413s get the site's error page.
        app.UseMalformedRequestAnswers();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        // Signed-in visitors of shared pages: the page all of them share, from the output cache, with their holes filled.
        app.UseSignedInPages();
        // After authentication, so that signed-in users (who may see more) are never served a page cached for anyone.
        app.UseOutputCache();
        // Inside the output cache, so that a cached page is stored compressed (once per encoding) instead of
        // being compressed again on every hit.
        app.UseResponseCompression();
    }

    private static void MapAppEndpoints(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapAppHealthChecks();
        app.MapControllers().WithStaticAssets();
        app.MapRazorPages().WithStaticAssets();

        // An unknown address is a 404 for everyone; without this the fallback policy would send
        // anonymous visitors to sign in first.
        app.MapFallback("{*path}", context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
    }

    /// <summary>
    /// Headers every response carries: no sniffing, no framing, no referrer beyond the origin, no powerful browser
    /// features, an isolated window, and a content security policy allowing only the site's own scripts and styles
    /// (no inline style either). HEAD requests are answered as GETs (the
    /// server sends no body for them), so link checkers and monitors see pages rather than 404s.
    /// </summary>
    private static Task SecurityHeaders(HttpContext context, RequestDelegate next)
    {
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Request.Method = HttpMethods.Get;
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        context.Response.OnStarting(() =>
        {
            // What a signed-in visitor sees is theirs: no browser or proxy may keep it.
            if (context.User.Identity?.IsAuthenticated == true)
            {
                context.Response.Headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>Migrates and seeds before the first request is served.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }

    /// <summary>Prints where the app listens and, in Development, the demo sign-ins.</summary>
    public static void PrintStartupBanner(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.WriteLine();
            Console.WriteLine("RigDirectory is running:");
            foreach (var address in addresses)
            {
                Console.WriteLine($"  {address}");
            }

            var demo = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DemoOptions>>().Value;
            if (app.Environment.IsDevelopment() && demo.Enabled)
            {
                Console.WriteLine($"Demo sign-ins (password \"{demo.Password}\"):");
                foreach (var (email, _, role) in DemoOptions.Accounts)
                {
                    Console.WriteLine($"  {role,-10} {email}");
                }
            }

            Console.WriteLine();
        });
    }
}
