using RigDirectory.BenchmarkHost;
using RigDirectory.Web.Data.Seed;
using RigDirectory.Web.Infrastructure;

// The app under its own name (its controllers, views and static assets are found by it), on benchmark data only.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = AppHost.ApplicationName });
if (!builder.Environment.IsEnvironment(BenchmarkDataGenerator.Environment))
{
    await Console.Error.WriteLineAsync($"The benchmark host runs only in the {BenchmarkDataGenerator.Environment} environment, on its generated data.");
    return 1;
}

var app = AppHost.Build(builder);
app.MapBenchmarkEndpoints();
await AppHost.RunAsync(app);
return 0;
