using RigDirectory.Web.Data;
using RigDirectory.Web.Features;
using RigDirectory.Web.Notifications;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Infrastructure;

/// <summary>
/// The app's composition, written once: its services and pipeline (<see cref="Build"/>), then its database and
/// banner before it serves (<see cref="RunAsync"/>). Program runs it as is; the benchmark host (tests/Benchmarks)
/// adds its own endpoints between the two, so they never ship in this assembly.
/// </summary>
public static class AppHost
{
    /// <summary>The app's name, under which its controllers, views and static assets are found, whichever host runs it.</summary>
    public const string ApplicationName = "RigDirectory.Web";

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAppLogging();

        builder.Services.AddAppDatabase(builder.Configuration, builder.Environment);
        builder.Services.AddAppIdentity(builder.Configuration);
        builder.Services.AddAppAuthorization();
        builder.Services.AddAppNotifications(builder.Configuration);
        builder.Services.AddAppSeeding(builder.Configuration);
        builder.Services.AddAppPublicUrls(builder.Configuration, builder.Environment);
        builder.Services.AddAppWeb(builder.Configuration);
        builder.Services.AddAppFeatures(builder.Environment);

        var app = builder.Build();
        app.UseAppPipeline();
        app.MapAppFeatures();
        return app;
    }

    public static async Task RunAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.InitializeDatabaseAsync();
        app.PrintStartupBanner();
        await app.RunAsync();
    }
}
