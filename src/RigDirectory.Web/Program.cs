using RigDirectory.Web.Data;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Infrastructure.Email;
using RigDirectory.Web.Security;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddAppDatabase(builder.Configuration, builder.Environment);
builder.Services.AddAppIdentity(builder.Configuration);
builder.Services.AddAppAuthorization();
builder.Services.AddAppEmail(builder.Configuration);
builder.Services.AddAppSeeding(builder.Configuration);
builder.Services.AddAppPublicUrls(builder.Configuration, builder.Environment);
builder.Services.AddAppWeb(builder.Configuration);

var app = builder.Build();

app.UseAppPipeline();
await app.InitializeDatabaseAsync();
app.PrintStartupBanner();

await app.RunAsync();

/// <summary>The entry point, visible to the test hosts.</summary>
public partial class Program;
