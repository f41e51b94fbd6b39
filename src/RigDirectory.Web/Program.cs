using RigDirectory.Web.Data;
using RigDirectory.Web.Features;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Notifications;
using RigDirectory.Web.Security;

// `backup <file>`: a copy of the embedded database, taken while the app serves; then exit.
if (BackupCommand.TryRun(args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);

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
await app.InitializeDatabaseAsync();
app.PrintStartupBanner();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test hosts.</summary>
public partial class Program;
